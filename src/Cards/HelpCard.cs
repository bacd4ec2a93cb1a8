using System.Text.Json.Nodes;

namespace CchcBot.Cards;

/// <summary>The commands, each with a button that sends it.</summary>
public static class HelpCard
{
    public static JsonObject Build(bool isChiefOfOffice)
    {
        var commands = new List<(string Command, string Explanation)>
        {
            (CardStrings.MyTasksCommand, "Danh sách nhiệm vụ của phòng bạn (chủ trì trước, phối hợp sau), việc gấp nhất lên đầu; cập nhật tiến độ ngay trên thẻ."),
            (CardStrings.DigestCommand, "Tổng hợp tiến độ Kế hoạch CCHC tính đến hôm nay."),
        };
        if (isChiefOfOffice)
        {
            commands.Add((CardStrings.ReportCommand, "Nhận tệp Excel báo cáo kết quả thực hiện Kế hoạch CCHC của quý."));
            commands.Add((CardStrings.SetChannelCommand, "Gõ trong kênh của nhóm Văn phòng để nhận bản tổng hợp hằng tuần tại kênh đó."));
        }

        commands.Add((CardStrings.HelpCommand, "Xem hướng dẫn này."));

        var body = new List<JsonNode?>
        {
            Ac.Text("Hướng dẫn sử dụng", size: "Large", weight: "Bolder"),
            Ac.Text("Gõ một trong các lệnh sau (có dấu hay không dấu đều được):", subtle: true),
        };
        body.AddRange(commands.Select(c => (JsonNode)Ac.Columns(
            Ac.Column("auto", Ac.Text($"**{c.Command}**")),
            Ac.Column("stretch", Ac.Text(c.Explanation)))));
        body.Add(Ac.Text("Thắc mắc hoặc cần bổ sung vào danh sách phòng ban: vui lòng liên hệ Văn phòng.", size: "Small", subtle: true, separator: true));

        var actions = commands.Where(c => c.Command != CardStrings.HelpCommand && c.Command != CardStrings.SetChannelCommand)
            .Select(c => (JsonNode)Ac.SendText(Capitalize(c.Command), c.Command));
        return Ac.Card(body, actions);
    }

    private static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
