using System.Text.Json.Nodes;

namespace CchcBot.Cards;

/// <summary>The greeting when the bot is added to a chat or a team.</summary>
public static class WelcomeCard
{
    public static JsonObject Build() => Ac.Card(
        [
            Ac.Text($"Xin chào! Tôi là {CardStrings.BotName}", size: "Large", weight: "Bolder"),
            Ac.Text("Tôi giúp các phòng theo dõi Kế hoạch cải cách hành chính (CCHC) của cơ quan:"),
            Ac.Text("- nhắc hạn các nhiệm vụ CCHC vào ngày làm việc, trước và khi đến hạn;\n" +
                    "- cập nhật tiến độ ngay trên thẻ, lưu đầy đủ lịch sử;\n" +
                    "- gửi bản tổng hợp tiến độ hằng tuần cho Văn phòng và Chánh Thanh tra.", spacing: "Small"),
            Ac.Text("Để bắt đầu, hãy gõ **nhiệm vụ của tôi**.", spacing: "Medium"),
        ],
        [
            Ac.SendText("Nhiệm vụ của tôi", CardStrings.MyTasksCommand),
            Ac.SendText(CardStrings.HelpButton, CardStrings.HelpCommand),
        ]);
}
