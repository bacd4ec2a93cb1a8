using System.Text.Json.Nodes;

namespace CchcBot.Cards;

/// <summary>A period the report card offers: its key ("2026-Q1", "2026-H1", "2026-Q3", "2026") and label ("quý I năm 2026").</summary>
public sealed record ReportChoice(string Key, string Label);

/// <summary>
/// The periodic report in chat: a card to choose the period (one Action.Execute per period, verb
/// <see cref="MakeVerb"/>, data <c>{ period }</c>), answered by a card with the download links of both files.
/// </summary>
public static class ReportCard
{
    public const string Title = "Báo cáo kết quả thực hiện công tác cải cách hành chính";
    public static string ChooseText(string cutOffDay) =>
        $"Đề nghị đồng chí chọn kỳ báo cáo. Số liệu tính từ đầu kế hoạch đến ngày chốt số liệu của kỳ (ngày {cutOffDay} của tháng cuối kỳ).";
    public const string DownloadDocument = "Tải báo cáo (.docx)";
    public const string DownloadWorkbook = "Tải phụ lục số liệu (.xlsx)";

    public static JsonObject Choose(IReadOnlyList<ReportChoice> periods, string cutOffText) => Ac.Card(
        [
            Ac.Text(Title, size: "Medium", weight: "Bolder"),
            Ac.Text(ChooseText(cutOffText), subtle: true),
        ],
        periods.Select(p => (JsonNode?)Ac.Execute(Capitalised(p.Label), CardContract.Verbs.MakeReport, new JsonObject { ["period"] = p.Key })));

    /// <param name="cutOff">dd/MM/yyyy of the day the figures run to.</param>
    public static JsonObject Links(string periodLabel, string cutOff, string documentUrl, string workbookUrl, int minutes) => Ac.Card(
        [
            Ac.Text($"{Title} {periodLabel}", size: "Medium", weight: "Bolder"),
            Ac.Text($"Số liệu tính đến ngày {cutOff}. Báo cáo (.docx) theo thể thức Nghị định 30/2020/NĐ-CP để đồng chí chỉnh sửa, ký ban hành; " +
                $"tệp Excel gồm bảng tổng hợp và danh sách nhiệm vụ theo từng lĩnh vực. Đường dẫn có hiệu lực trong {minutes} phút.", subtle: true),
        ],
        [
            new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = DownloadDocument, ["url"] = documentUrl },
            new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = DownloadWorkbook, ["url"] = workbookUrl },
        ]);

    /// <summary>"báo cáo quý": the quarter's workbook alone.</summary>
    public static JsonObject WorkbookLink(string periodLabel, string workbookUrl, int minutes) => Ac.Card(
        [
            Ac.Text($"Báo cáo kết quả thực hiện Kế hoạch CCHC {periodLabel}", size: "Medium", weight: "Bolder"),
            Ac.Text($"Tệp Excel gồm bảng tổng hợp và danh sách nhiệm vụ theo từng lĩnh vực. Đường dẫn có hiệu lực trong {minutes} phút.", subtle: true),
        ],
        [new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Tải báo cáo (.xlsx)", ["url"] = workbookUrl }]);

    private static string Capitalised(string label) => label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label[1..];
}
