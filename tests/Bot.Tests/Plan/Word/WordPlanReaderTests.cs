using System.Text.Json;
using CchcBot.Plan;
using CchcBot.Plan.Files;
using CchcBot.Plan.Files.Word;
using static CchcBot.Bot.Tests.Plan.Word.DocxBuilder;

namespace CchcBot.Bot.Tests.Plan.Word;

public class WordPlanReaderTests
{
    private const string Agency = "thanh-tra-soc-trang";
    private static readonly AgencyDirectory Directory = DirectoryFileReader.Read(BundledData.DirectoryJson).Value!;
    private static readonly UnitNames Units = UnitNames.FromDirectory(Directory);

    private static ReadResult<CchcPlan> Read(byte[] docx, int? year = null) => new WordPlanReader().Read(docx, Agency, Units, year);

    private static CchcPlan ReadOk(byte[] docx, int? year = null)
    {
        var result = Read(docx, year);
        Assert.True(result.Ok, string.Join("\n", result.Problems));
        return result.Value!;
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string Json(object value) => JsonSerializer.Serialize(value, Indented);

    private static string Dates(PlanTask task) =>
        string.Join(' ', task.Milestones.Select(m => m.Due?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "-"));

    [Theory]
    [InlineData(null)]
    [InlineData(12)] // the second part starts with a cell merged from the first
    public void The_seed_plan_as_a_Word_document_reads_as_the_bundled_plan(int? splitAfter)
    {
        var bundled = new PlanFileReader().Read(BundledData.PlanJson, Directory);
        Assert.True(bundled.Ok, string.Join("\n", bundled.Problems));
        var expected = bundled.Value!;

        var plan = ReadOk(SeedPlanDocx.Build(splitAfter));

        Assert.Equal(expected.Agency, plan.Agency);
        Assert.Equal(expected.Year, plan.Year);
        Assert.Equal("Kế hoạch thực hiện cải cách hành chính năm 2024", plan.Title);
        Assert.Equal(Json(expected.Areas), Json(plan.Areas));
        Assert.Equal(22, plan.Tasks.Count);
        Assert.Equal(expected.Tasks.Select(t => t.Id), plan.Tasks.Select(t => t.Id));
        foreach (var (want, got) in expected.Tasks.Zip(plan.Tasks))
        {
            Assert.Equal(Json(want), Json(got));
        }

        Assert.Equal(42, plan.Tasks.Sum(t => t.Milestones.Count));
    }

    [Fact]
    public void A_given_year_overrides_the_title_and_dates_of_another_year_are_problems()
    {
        var plan = ReadOk(SeedPlanDocx.Build(), year: 2024);

        Assert.Equal(2024, plan.Year);
        var other = Read(SeedPlanDocx.Build(), 2025);
        Assert.Null(other.Value); // its dates say 2024
        Assert.Equal(25, other.Problems.Count); // every dated phrase of the 22 rows, "Thường xuyên" aside
        Assert.Contains(other.Problems,
            p => p.ToString() == "Dòng 1, cột 'Thời gian thực hiện': 'Năm 2024' không thuộc năm 2025 của kế hoạch");
    }

    /// <summary>The other layout: area heading rows merged across (gridSpan), "I." numbered in capitals, an STT column,
    /// the other header names, automatic numbering, runs split mid-word, soft breaks, non-breaking spaces, a numbers row
    /// and a header repeated on a later page.</summary>
    private static byte[] HeadingLayout() =>
        new DocxBuilder()
            .Paragraphs("ỦY BAN NHÂN DÂN TỈNH", "KẾ HOẠCH", "Cải cách hành chính năm 2025 của Sở", "Căn cứ Kế hoạch số 12/KH-UBND năm 2024 …", "PHỤ LỤC")
            .Table(
                HeaderRow("STT", "Nội dung nhiệm vụ", "Kết quả", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"),
                Row("(1)", "(2)", "(3)", "(4)", "(5)", "(6)"),
                Row(C("I"), Span("CẢI CÁCH THỂ CHẾ", 5)),
                Row(C("1"), Numbered("Rà so¦át văn b¦ản quy phạm pháp luật;"), C("- Kế hoạch;\v- Báo cáo kết quả."),
                    C("Văn\u00A0phòng"), C("Phòng Nghiệp vụ 1, Phòng Phòng, chống tham nhũng"), C("Quý I/2025")),
                Row(C("2"), Numbered("Theo dõi thi hành pháp luật"), Numbered("Báo cáo quý"), C("Phòng Nghiệp\u00A0vụ 2"), C(""), C("Hằng quý")),
                Row(Span("II. CẢI CÁCH TTHC", 6)),
                Row(C("1"), C("Kiểm soát TTHC"), C("Báo cáo"), C("Văn phòng"), C("Các phòng nghiệp vụ"), C("Hằng tháng")),
                HeaderRow("STT", "Nội dung nhiệm vụ", "Kết quả", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"),
                Row("STT", "Nội dung nhiệm vụ", "Kết quả", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"),
                Row(C("III"), Span("3. Công tác chỉ đạo, điều hành", 5)),
                Row(C("1"), C("Xây dựng kế hoạch CCHC năm 2025"), C("Kế hoạch\nBáo cáo 6 tháng\nBáo cáo năm"), C("Các phòng chuyên môn"),
                    C("Văn phòng; Phòng Nghiệp vụ 3"), C("Trước ngày 15/01/2025\v6 tháng đầu năm 2025\v6 tháng cuối năm 2025")),
                Row(C("2"), C("Tự kiểm tra công tác CCHC"), C("Báo cáo"), C("Văn phòng và Phòng Nghiệp vụ 1"), C("VP"), C("Hằng năm")),
                Row(C("3"), C("Họp giao ban"), C("Biên bản"), C("Văn phòng"), C("Các \vphòng nghiệp vụ"), C("Trước 15/12/2025")),
                Row(C("4"), C("Tổng kết"), C("Báo cáo tổng kết"), C("Văn phòng"), C(""), C("Ngày 15/12")))
            .Build();

    [Fact]
    public void Area_heading_rows_numbering_split_runs_breaks_and_the_other_headers_are_read()
    {
        var plan = ReadOk(HeadingLayout());

        Assert.Equal(2025, plan.Year);
        Assert.Equal("Kế hoạch cải cách hành chính năm 2025 của Sở", plan.Title);
        Assert.Equal(["the-che", "tthc", "chi-dao-dieu-hanh"], plan.Areas.Select(a => a.Id));
        Assert.Equal(["TC-1", "TC-2", "TTHC-1", "CDDH-1", "CDDH-2", "CDDH-3", "CDDH-4"], plan.Tasks.Select(t => t.Id));

        var tc1 = plan.Tasks[0];
        Assert.Equal("Rà soát văn bản quy phạm pháp luật", tc1.Title);
        Assert.Equal(["Kế hoạch", "Báo cáo kết quả"], tc1.Deliverables);
        Assert.Equal(["VP"], tc1.Lead);
        Assert.Equal(["NV1", "PCTN"], tc1.Cooperating);
        Assert.Equal("31/03/2025 31/03/2025", Dates(tc1));

        var tc2 = plan.Tasks[1];
        Assert.Equal("Theo dõi thi hành pháp luật", tc2.Title);
        Assert.Equal(["NV2"], tc2.Lead);
        Assert.Empty(tc2.Cooperating);
        Assert.Equal("31/03/2025 30/06/2025 30/09/2025 31/12/2025", Dates(tc2));
        Assert.Equal(["Quý I/2025", "Quý II/2025", "Quý III/2025", "Quý IV/2025"], tc2.Milestones.Select(m => m.Period));
        Assert.Equal(["TC-2-1", "TC-2-2", "TC-2-3", "TC-2-4"], tc2.Milestones.Select(m => m.Id));

        var tthc1 = plan.Tasks[2];
        Assert.Equal(["nghiep-vu"], tthc1.Cooperating);
        Assert.Equal(12, tthc1.Milestones.Count);
        Assert.Equal(new DateOnly(2025, 2, 28), tthc1.Milestones[1].Due);
        Assert.Equal("Tháng 02/2025", tthc1.Milestones[1].Period);

        var cddh1 = plan.Tasks[3];
        Assert.Equal(["nghiep-vu"], cddh1.Lead);
        Assert.Equal(["VP", "NV3"], cddh1.Cooperating);
        Assert.Equal(["Kế hoạch", "Báo cáo 6 tháng", "Báo cáo năm"], cddh1.Deliverables);
        Assert.Equal("15/01/2025 30/06/2025 31/12/2025", Dates(cddh1));
        Assert.Equal("Trước ngày 15/01/2025; 6 tháng đầu năm 2025; 6 tháng cuối năm 2025", cddh1.Timeframe);

        var cddh2 = plan.Tasks[4];
        Assert.Equal(["VP", "NV1"], cddh2.Lead);
        Assert.Equal(["VP"], cddh2.Cooperating);
        Assert.Equal("31/12/2025", Dates(cddh2));
        Assert.Equal("Năm 2025", cddh2.Milestones[0].Period);

        Assert.Equal(["nghiep-vu"], plan.Tasks[5].Cooperating);
        Assert.Equal("15/12/2025", Dates(plan.Tasks[5]));
        Assert.Equal("15/12/2025", Dates(plan.Tasks[6]));
        Assert.Equal(Enumerable.Range(0, 7), plan.Tasks.Select(t => t.Order));
    }

    [Fact]
    public void A_two_row_header_with_lead_and_cooperating_under_one_heading_is_read()
    {
        var docx = new DocxBuilder()
            .Paragraphs("KẾ HOẠCH", "Cải cách hành chính năm 2025")
            .Table(
                Row(Restart("TT"), Restart("Nội dung"), Restart("Sản phẩm"), Span("Đơn vị thực hiện", 2), Span("Thời gian", 2)),
                Row(Continue(), Continue(), Continue(), C("Chủ trì"), C("Phối hợp"), C("Bắt đầu"), C("Hoàn thành")),
                Row(C("I"), Span("CẢI CÁCH THỂ CHẾ", 6)),
                Row("1", "Rà soát văn bản", "Báo cáo", "Văn phòng", "Phòng Nghiệp vụ 1", "Tháng 01/2025", "Tháng 6/2025"))
            .Build();

        var task = Assert.Single(ReadOk(docx).Tasks);

        Assert.Equal(["VP"], task.Lead);
        Assert.Equal(["NV1"], task.Cooperating);
        Assert.Equal("30/06/2025", Dates(task));
    }

    [Fact]
    public void An_area_column_named_Linh_vuc_written_on_every_row_is_read()
    {
        var docx = new DocxBuilder()
            .Paragraph("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025")
            .Table(
                Row("TT", "Lĩnh vực", "Nhiệm vụ", "Sản phẩm đầu ra", "Cơ quan chủ trì", "Phối hợp", "Thời gian hoàn thành"),
                Row("1", "Cải cách công vụ", "Đánh giá công chức", "Báo cáo", "Văn phòng", "", "Tháng 12/2025"),
                Row("2", "Cải cách chế độ công vụ", "Tuyển dụng", "Kế hoạch", "Văn phòng", "", "Tháng 6"),
                Row("3", "", "Bồi dưỡng", "Kế hoạch", "Văn phòng", "", "Quý II"),
                Row("4", "Cải cách tài chính công", "Tự chủ kinh phí", "Báo cáo", "Văn phòng", "", "Năm 2025"))
            .Build();

        var plan = ReadOk(docx);

        Assert.Equal("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025", plan.Title);
        Assert.Equal(["CV-1", "CV-2", "CV-3", "TCC-1"], plan.Tasks.Select(t => t.Id));
        Assert.Equal("30/06/2025", Dates(plan.Tasks[1]));
        Assert.Equal("30/06/2025", Dates(plan.Tasks[2]));
    }

    [Fact]
    public void Every_problem_of_a_table_is_reported_at_once_naming_row_column_and_text()
    {
        var docx = new DocxBuilder()
            .Paragraphs("KẾ HOẠCH", "Thực hiện cải cách hành chính năm 2025", "III. PHÂN CÔNG NHIỆM VỤ CỤ THỂ")
            .Table(
                Row("Nhiệm vụ chung", "Nhiệm vụ cụ thể", "Sản phẩm", "Phòng tham mưu thực hiện", "Phối hợp thực hiện", "Thời gian thực hiện"),
                Row(Restart("Cải cách thể chế"), C("1. Rà soát văn bản"), C("Báo cáo"), C("Văn phòng"), C("Phòng Tổ chức, Cán bộ"), C("Năm 2025")),
                Row(Continue(), C("2. Theo dõi thi hành pháp luật"), C("Báo cáo"), C(""), C(""), C("Năm 2025")),
                Row(Continue(), C("3. Tuyên truyền"), C("Kế hoạch"), C("Văn phòng"), C(""), C("Sớm nhất có thể")),
                Row(Continue(), C("4. Kiểm tra"), C("Báo cáo"), C("Văn phòng"), C(""), C("Tháng 13/2025")),
                Row(Continue(), C("5. Tổng hợp"), C("Báo cáo"), C("Văn phòng"), C(""), C("Ngày 31/02/2025")),
                Row(Continue(), C("6. Đánh giá"), C(""), C("Phòng Kế toán"), C(""), C("Tháng 01/2024")),
                Row(Restart("Cải cách văn hóa"), C("1. Hội thi"), C("Báo cáo"), C("Văn phòng"), C(""), C("Năm 2025")),
                Row(Continue(), C(""), C("Báo cáo"), C("Văn phòng"), C(""), C("")))
            .Build();

        var result = Read(docx);

        Assert.Null(result.Value);
        var units = string.Join("; ", Units.Known());
        Assert.Equal(
        [
            $"Dòng 1, cột 'Phối hợp thực hiện': không có đơn vị 'Phòng Tổ chức, Cán bộ' trong danh sách đơn vị của cơ quan (các đơn vị: {units})",
            "Dòng 2, cột 'Phòng tham mưu thực hiện': để trống; mỗi nhiệm vụ phải có đơn vị chủ trì",
            "Dòng 3, cột 'Thời gian thực hiện': không hiểu 'Sớm nhất có thể'",
            "Dòng 4, cột 'Thời gian thực hiện': không hiểu 'Tháng 13/2025'",
            "Dòng 5, cột 'Thời gian thực hiện': không hiểu 'Ngày 31/02/2025'",
            "Dòng 6, cột 'Sản phẩm': để trống; mỗi nhiệm vụ phải có ít nhất một sản phẩm",
            $"Dòng 6, cột 'Phòng tham mưu thực hiện': không có đơn vị 'Phòng Kế toán' trong danh sách đơn vị của cơ quan (các đơn vị: {units})",
            "Dòng 6, cột 'Thời gian thực hiện': 'Tháng 01/2024' không thuộc năm 2025 của kế hoạch",
            "Dòng 7, cột 'Nhiệm vụ chung': không xác định được lĩnh vực cải cách 'Cải cách văn hóa' (các lĩnh vực: Cải cách thể chế; Cải cách thủ tục hành chính; Cải cách tổ chức bộ máy; Cải cách chế độ công vụ; Cải cách tài chính công; Xây dựng và phát triển Chính quyền điện tử, Chính quyền số; Công tác chỉ đạo điều hành)",
            "Dòng 8, cột 'Nhiệm vụ cụ thể': để trống tên nhiệm vụ",
            "Dòng 8, cột 'Thời gian thực hiện': để trống thời gian thực hiện",
        ],
            result.Problems.Select(p => p.ToString()));
        Assert.Equal("Văn phòng; Phòng Nghiệp vụ 1; Phòng Nghiệp vụ 2; Phòng Nghiệp vụ 3; Phòng Phòng, chống tham nhũng; Các phòng nghiệp vụ", units);
    }

    [Fact]
    public void Rows_are_counted_as_a_person_does_area_headings_included_header_numbers_and_repeated_headers_not()
    {
        var docx = new DocxBuilder()
            .Paragraphs("KẾ HOẠCH", "Cải cách hành chính năm 2025")
            .Table(
                HeaderRow("STT", "Nội dung nhiệm vụ", "Kết quả", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"),
                Row("(1)", "(2)", "(3)", "(4)", "(5)", "(6)"),
                Row(Span("I. CẢI CÁCH THỂ CHẾ", 6)),
                Row("1", "Rà soát", "Báo cáo", "Văn phòng", "", "Năm 2025"),
                HeaderRow("STT", "Nội dung nhiệm vụ", "Kết quả", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"),
                Row("2", "Theo dõi", "Báo cáo", "Văn phòng", "", "Tháng 13/2025"),
                Row("", "", "", "", "", ""),
                Row("3", "Kiểm tra", "Báo cáo", "Văn phòng", "", "Ngày 31/02"))
            .Build();

        Assert.Equal(
            ["Dòng 3, cột 'Thời hạn': không hiểu 'Tháng 13/2025'", "Dòng 5, cột 'Thời hạn': không hiểu 'Ngày 31/02'"],
            Read(docx).Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void An_unknown_area_heading_row_is_a_problem()
    {
        var docx = new DocxBuilder()
            .Paragraphs("KẾ HOẠCH", "Cải cách hành chính năm 2025")
            .Table(
                Row("STT", "Nội dung", "Kết quả", "Chủ trì", "Phối hợp", "Thời gian"),
                Row(Span("I. CẢI CÁCH VĂN HÓA", 6)),
                Row("1", "Hội thi", "Báo cáo", "Văn phòng", "", "Năm 2025"))
            .Build();

        Assert.Equal(
            ["Dòng 1: không xác định được lĩnh vực cải cách 'CẢI CÁCH VĂN HÓA' (các lĩnh vực: Cải cách thể chế; Cải cách thủ tục hành chính; Cải cách tổ chức bộ máy; Cải cách chế độ công vụ; Cải cách tài chính công; Xây dựng và phát triển Chính quyền điện tử, Chính quyền số; Công tác chỉ đạo điều hành)"],
            Read(docx).Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_task_without_an_area_is_a_problem()
    {
        var docx = new DocxBuilder()
            .Paragraphs("KẾ HOẠCH", "Cải cách hành chính năm 2025")
            .Table(
                Row("STT", "Nội dung", "Kết quả", "Chủ trì", "Phối hợp", "Thời gian"),
                Row("1", "Hội thi", "Báo cáo", "Văn phòng", "", "Năm 2025"))
            .Build();

        Assert.Equal(
            ["Dòng 1: nhiệm vụ chưa thuộc lĩnh vực cải cách nào (thiếu cột 'Nhiệm vụ chung' hoặc dòng tên lĩnh vực phía trên)"],
            Read(docx).Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_document_without_a_task_table_is_a_problem()
    {
        var docx = new DocxBuilder()
            .Paragraphs("KẾ HOẠCH", "Thực hiện cải cách hành chính năm 2025", "III. PHÂN CÔNG NHIỆM VỤ CỤ THỂ", "(xem phụ lục)")
            .Table(Row("Nơi nhận:", "CHÁNH THANH TRA"))
            .Build();

        Assert.Equal(
            ["Tài liệu: không tìm thấy bảng phân công nhiệm vụ (mục \"PHÂN CÔNG NHIỆM VỤ CỤ THỂ\", bảng có các cột 'Nhiệm vụ cụ thể', 'Sản phẩm', 'Phòng tham mưu thực hiện', 'Thời gian thực hiện')"],
            Read(docx).Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_task_table_missing_a_column_is_a_problem()
    {
        var docx = new DocxBuilder()
            .Paragraphs("KẾ HOẠCH", "Thực hiện cải cách hành chính năm 2025")
            .Table(
                Row("Nhiệm vụ chung", "Nhiệm vụ cụ thể", "Sản phẩm", "Phòng tham mưu thực hiện"),
                Row("Cải cách thể chế", "Rà soát", "Báo cáo", "Văn phòng"))
            .Build();

        Assert.Equal(
            ["Tài liệu: bảng phân công nhiệm vụ thiếu cột 'Thời gian thực hiện', 'Thời gian hoàn thành', 'Thời hạn', 'Thời gian'"],
            Read(docx).Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_document_without_a_year_needs_one_and_a_given_year_is_used()
    {
        var docx = new DocxBuilder()
            .Paragraphs("KẾ HOẠCH", "Thực hiện cải cách hành chính")
            .Table(
                Row("Nhiệm vụ chung", "Nhiệm vụ cụ thể", "Sản phẩm", "Phòng tham mưu thực hiện", "Thời gian thực hiện"),
                Row("Cải cách thể chế", "Rà soát", "Báo cáo", "Văn phòng", "Hằng quý"))
            .Build();

        Assert.Equal(
            ["Tài liệu: không tìm thấy năm của kế hoạch trong tiêu đề (ví dụ \"Thực hiện cải cách hành chính năm 2025\")"],
            Read(docx).Problems.Select(p => p.ToString()));
        var plan = ReadOk(docx, year: 2026);
        Assert.Equal(2026, plan.Year);
        Assert.Equal("31/03/2026 30/06/2026 30/09/2026 31/12/2026", Dates(plan.Tasks[0]));
        Assert.Equal("Kế hoạch thực hiện cải cách hành chính", plan.Title);
    }

    [Fact]
    public void A_cell_repeated_row_after_row_is_read_for_each_row_its_problem_named_at_each()
    {
        var docx = new DocxBuilder()
            .Paragraphs("KẾ HOẠCH", "Thực hiện cải cách hành chính năm 2024")
            .Table(
                Row("Nhiệm vụ chung", "Nhiệm vụ cụ thể", "Sản phẩm", "Phòng tham mưu thực hiện", "Thời gian thực hiện"),
                Row("Cải cách thể chế", "Rà soát", "Báo cáo", "Phòng Tổ chức", "Tháng 13/2024"),
                Row("Cải cách thể chế", "Tuyên truyền", "Báo cáo", "Phòng Tổ chức", "Tháng 13/2024"))
            .Build();

        var problems = Read(docx).Problems.Select(p => p.ToString()).ToList();
        foreach (var row in new[] { 1, 2 })
        {
            Assert.Contains(problems, p => p.StartsWith($"Dòng {row}, cột 'Phòng tham mưu thực hiện': không có đơn vị 'Phòng Tổ chức'", StringComparison.Ordinal));
            Assert.Contains($"Dòng {row}, cột 'Thời gian thực hiện': không hiểu 'Tháng 13/2024'", problems);
        }

        var ok = ReadOk(new DocxBuilder()
            .Paragraphs("KẾ HOẠCH", "Thực hiện cải cách hành chính năm 2024")
            .Table(
                Row("Nhiệm vụ chung", "Nhiệm vụ cụ thể", "Sản phẩm", "Phòng tham mưu thực hiện", "Thời gian thực hiện"),
                Row("Cải cách thể chế", "Rà soát", "Báo cáo", "Văn phòng", "Quý II/2024"),
                Row("Cải cách thể chế", "Tuyên truyền", "Kế hoạch", "Văn phòng", "Quý II/2024"))
            .Build());
        Assert.Equal(["VP"], ok.Tasks[1].Lead);
        Assert.NotSame(ok.Tasks[0].Lead, ok.Tasks[1].Lead);
        Assert.Equal("30/06/2024 30/06/2024", string.Join(' ', ok.Tasks.Select(t => t.Milestones.Single().Due!.Value.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(["Báo cáo", "Kế hoạch"], ok.Tasks.Select(t => t.Milestones.Single().Deliverable));
    }

    public static TheoryData<string, byte[]> NotWordFiles => new()
    {
        { "Tệp: không phải tệp Word (.docx)", "{\"agency\": \"x\"}"u8.ToArray() },
        { "Tệp: không phải tệp Word (.docx)", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A] },
        { "Tệp: không phải tệp Word (.docx)", [] },
        { "Tệp: không phải tệp Word (.docx)", Zip(("xl/workbook.xml", "<workbook/>")) },
        { "Tệp: tệp Word bị hỏng, không mở được", SeedPlanDocx.Build()[..2000] },
        { "Tệp: tệp Word bị hỏng, không mở được", Zip(("word/document.xml", "<w:document><w:body>")) },
    };

    [Theory]
    [MemberData(nameof(NotWordFiles))]
    public void A_file_that_is_not_a_Word_document_is_one_clear_problem(string expected, byte[] content)
    {
        var result = Read(content);

        Assert.Null(result.Value);
        Assert.Equal([expected], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Unit_names_match_departments_before_groups_and_names_with_commas_whole()
    {
        Assert.Equal("VP", Units.Match("Văn phòng"));
        Assert.Equal("VP", Units.Match("VĂN PHÒNG."));
        Assert.Equal("PCTN", Units.Match("Phòng Phòng, chống tham nhũng"));
        Assert.Equal("PCTN", Units.Match("Phòng, chống tham nhũng"));
        Assert.Equal("NV1", Units.Match("Nghiệp vụ 1"));
        Assert.Equal("nghiep-vu", Units.Match("Các phòng Nghiệp vụ"));
        Assert.Equal("nghiep-vu", Units.Match("các phòng chuyên môn"));
        Assert.Equal("nghiep-vu", Units.Match("nghiep-vu"));
        Assert.Null(Units.Match("Phòng Tổ chức"));
        Assert.Null(Units.Match(""));
    }

    [Fact]
    public void Groups_with_aliases_passed_as_names_are_matched()
    {
        var units = new UnitNames(
            [new UnitName("TH", "Phòng Tổng hợp")],
            [new UnitName("khoi-nv", "Khối nghiệp vụ"), new UnitName("khoi-nv", "Các phòng thuộc Sở")]);
        var docx = new DocxBuilder()
            .Paragraphs("KẾ HOẠCH", "Cải cách hành chính năm 2025")
            .Table(
                Row("Lĩnh vực", "Nhiệm vụ", "Kết quả", "Chủ trì", "Phối hợp", "Thời hạn"),
                Row("Cải cách thể chế", "Rà soát", "Báo cáo", "Phòng Tổng hợp", "Các phòng thuộc Sở", "Năm 2025"))
            .Build();

        var result = new WordPlanReader().Read(docx, "so-x", units);

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.Equal(["khoi-nv"], result.Value!.Tasks[0].Cooperating);
        Assert.Equal("so-x", result.Value.Agency);
    }

    [Fact]
    public void Tracked_changes_content_controls_and_a_layout_table_around_the_task_table_read_as_Word_shows_them()
    {
        var task = new WRow([
            C("Cải cách thể chế"),
            Xml("<w:p><w:r><w:t xml:space=\"preserve\">Rà soát </w:t></w:r><w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>văn bản cũ</w:delText></w:r></w:del>" +
                "<w:moveFrom w:id=\"2\" w:author=\"a\"><w:r><w:t>chuyển đi</w:t></w:r></w:moveFrom><w:ins w:id=\"3\" w:author=\"a\"><w:r><w:t>văn bản mới</w:t></w:r></w:ins>" +
                "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"),
            Xml("<w:sdt><w:sdtContent><w:p><w:r><w:t>Báo cáo</w:t></w:r></w:p></w:sdtContent></w:sdt>"),
            C("Văn phòng"),
            C("Không"),
            C("Tháng 3/2025"),
            C("Tháng 12/2025"),
        ]);
        var docx = new DocxBuilder()
            .Paragraphs("KẾ HOẠCH", "THỰC HIỆN CẢI CÁCH HÀNH CHÍNH NĂM 2025")
            .Table(Row(Nested(
                Row("Lĩnh vực", "Nhiệm vụ", "Sản phẩm", "Chủ trì", "Phối hợp", "Thời gian thực hiện", "Thời hạn hoàn thành"),
                task)))
            .Build();

        var plan = ReadOk(docx);

        Assert.Equal("KẾ HOẠCH THỰC HIỆN CẢI CÁCH HÀNH CHÍNH NĂM 2025", plan.Title);
        var tc1 = Assert.Single(plan.Tasks);
        Assert.Equal("Rà soát văn bản mới", tc1.Title);
        Assert.Equal(["Báo cáo"], tc1.Deliverables);
        Assert.Empty(tc1.Cooperating);
        Assert.Equal("Tháng 12/2025", tc1.Timeframe);
        Assert.Equal("31/12/2025", Dates(tc1));
    }

    [Fact]
    public void A_timeframe_broken_over_lines_reads_as_one_phrase()
    {
        var docx = new DocxBuilder()
            .Paragraphs("KẾ HOẠCH", "Cải cách hành chính năm 2025")
            .Table(
                Row("Lĩnh vực", "Nhiệm vụ", "Sản phẩm", "Chủ trì", "Thời gian"),
                Row("Cải cách thể chế", "Rà soát", "Kế hoạch\nBáo cáo", "Văn phòng", "Năm\v2025"),
                Row("Cải cách thể chế", "Theo dõi", "Kế hoạch\nBáo cáo", "Văn phòng", "Tháng 3/2025\nQuý IV"))
            .Build();

        var plan = ReadOk(docx);

        Assert.Equal("Năm 2025", plan.Tasks[0].Timeframe);
        Assert.Equal("31/12/2025 31/12/2025", Dates(plan.Tasks[0]));
        Assert.Equal("Tháng 3/2025; Quý IV", plan.Tasks[1].Timeframe);
        Assert.Equal("31/03/2025 31/12/2025", Dates(plan.Tasks[1]));
    }

    [Fact]
    public void Damaged_bytes_anywhere_in_a_docx_give_problems_or_a_plan_never_an_exception()
    {
        var original = SeedPlanDocx.Build();
        for (var at = 0; at < original.Length; at += 97)
        {
            var damaged = (byte[])original.Clone();
            damaged[at] ^= 0x5A;

            var result = Read(damaged);

            Assert.True(result.Ok || result.Problems.Count > 0, $"byte {at}");
        }
    }

    [Fact]
    public void Odd_structure_in_the_document_part_gives_problems_or_a_plan_never_an_exception()
    {
        const string W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
        string[] bodies =
        [
            "<w:tc><w:p><w:r><w:t>ô lạc</w:t></w:r></w:p></w:tc><w:tr><w:tc/></w:tr>",
            "<w:tbl><w:tc><w:p/></w:tc><w:tr><w:trPr><w:gridBefore w:val=\"-3\"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val=\"99999\"/><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>",
            "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"abc\"/><w:vMerge w:val=\"continue\"/></w:tcPr><w:p><w:r><w:t>Nhiệm vụ</w:t></w:r></w:p></w:tc>" +
                "<w:tc><w:p><w:r><w:t>Sản phẩm</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Chủ trì</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Thời hạn</w:t></w:r></w:p></w:tc></w:tr>" +
                "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc><w:tc><w:p><w:p><w:r><w:t>lồng</w:t></w:r></w:p></w:p></w:tc></w:tr></w:tbl>",
            "<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p><w:p><w:r><w:t>.</w:t></w:r></w:p>",
            "",
        ];
        foreach (var body in bodies)
        {
            var docx = WithDocumentPart(new DocxBuilder().Paragraph("x").Build(), $"<w:document {W}><w:body>{body}</w:body></w:document>");

            var result = Read(docx);

            Assert.True(result.Problems.Count > 0, body);
        }
    }

    [Fact]
    public void A_cell_of_thousands_of_commas_is_read_quickly_and_reported_once()
    {
        var docx = new DocxBuilder()
            .Paragraphs("KẾ HOẠCH", "Cải cách hành chính năm 2025")
            .Table(
                Row("Lĩnh vực", "Nhiệm vụ", "Sản phẩm", "Chủ trì", "Thời hạn"),
                Row("Cải cách thể chế", "Rà soát", "Báo cáo", string.Join(", ", Enumerable.Repeat("x", 20_000)), "Năm 2025"))
            .Build();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var problem = Assert.Single(Read(docx).Problems);

        Assert.StartsWith("Dòng 1, cột 'Chủ trì': không có đơn vị 'x, x, x", problem.ToString(), StringComparison.Ordinal);
        Assert.Contains("…' trong danh sách", problem.Message, StringComparison.Ordinal); // quoted in part
        Assert.True(problem.Message.Length < 400, problem.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{clock.Elapsed}");
    }

    private static byte[] WithDocumentPart(byte[] docx, string xml)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, true))
        {
            using var part = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));
            document.MainDocumentPart!.FeedData(part);
        }

        return stream.ToArray();
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        return stream.ToArray();
    }
}
