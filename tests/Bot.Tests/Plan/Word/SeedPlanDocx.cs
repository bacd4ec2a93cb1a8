using static CchcBot.Bot.Tests.Plan.Word.DocxBuilder;

namespace CchcBot.Bot.Tests.Plan.Word;

/// <summary>
/// The 2024 plan of the provincial Inspectorate (the seed, /work/shared/seeds/000_…), as its Word document lays it out:
/// the heading block, the title, sections I, II and IV in brief, and section III whole — 22 task rows under the header
/// "Nhiệm vụ chung | Nhiệm vụ cụ thể | Sản phẩm | Phòng tham mưu thực hiện | Phối hợp thực hiện | Thời gian thực hiện",
/// the area cell merged down over its tasks (w:vMerge), one paragraph per deliverable and per timeframe line, the
/// numbers "1." typed, trailing "." and ";" as written. Two titles follow the bundled plan rather than the seed: the
/// seed's typo "năm 202" (CQS-1) fixed to "năm 2024", and "TCVN ISO 9001:2015" (CQS-3).
/// </summary>
internal static class SeedPlanDocx
{
    private const string Vp = "Văn phòng";

    /// <param name="splitAfter">Split section III's table after that many task rows, repeating its header (a table
    /// split across pages by hand).</param>
    public static byte[] Build(int? splitAfter = null) =>
        new DocxBuilder()
            .Table(
                Row("UBND TỈNH SÓC TRĂNG\nTHANH TRA TỈNH", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"))
            .Paragraphs(
                "KẾ HOẠCH",
                "Thực hiện cải cách hành chính năm 2024",
                "Thực hiện Kế hoạch số 163/KH-UBND, ngày 24/11/2021 của UBND tỉnh Sóc Trăng về thực hiện cải cách hành chính tỉnh Sóc Trăng giai đoạn 2021 - 2030; Kế hoạch số 218/KH-UBND ngày 19/12/2023 của UBND tỉnh Sóc Trăng về thực hiện cải cách hành chính năm 2024, Thanh tra tỉnh xây dựng kế hoạch thực hiện cải cách hành chính năm 2024 tại đơn vị với các nội dung cụ thể như sau:",
                "I. MỤC TIÊU, YÊU CẦU",
                "1. Mục tiêu",
                "Triển khai đồng bộ và cụ thể hóa các mục tiêu, nhiệm vụ và giải pháp cải cách hành chính (CCHC) trong Chương trình tổng thể CCHC giai đoạn 2021 - 2030.",
                "II. CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
                "1. Cải cách thể chế",
                "Nâng cao chất lượng tham mưu xây dựng, thẩm định, ban hành văn bản quy phạm pháp luật của ngành trên địa bàn toàn tỉnh.",
                "III. PHÂN CÔNG NHIỆM VỤ CỤ THỂ")
            .Tables(splitAfter is { } n ? [SectionThree().Take(n + 1), SectionThree().Take(1).Concat(SectionThree().Skip(n + 1))] : [SectionThree()])
            .Paragraphs(
                "IV. TỔ CHỨC THỰC HIỆN",
                "Chánh Văn phòng, Trưởng các phòng nghiệp vụ thuộc Thanh tra tỉnh có trách nhiệm triển khai và tổ chức thực hiện kế hoạch này.",
                "Trên đây là Kế hoạch thực hiện cải cách hành chính năm 2024 của Thanh tra tỉnh./.")
            .Table(Row("Nơi nhận:\n- VP UBND tỉnh;\n- Sở Nội vụ;\n- BLĐ TTr tỉnh;\n- Các phòng thuộc TTr tỉnh;\n- Lưu: VT.", "CHÁNH THANH TRA"))
            .Build();

    private static IEnumerable<WRow> SectionThree()
    {
        yield return Row("Nhiệm vụ chung", "Nhiệm vụ cụ thể", "Sản phẩm", "Phòng tham mưu thực hiện", "Phối hợp thực hiện", "Thời gian thực hiện");

        // Cải cách thể chế
        yield return Task(Restart("Cải cách thể chế"),
            "1. Xây dựng và triển khai kế hoạch rà soát văn bản quy phạm pháp luật có liên quan đến ngành và trên địa bàn tỉnh",
            "Kế hoạch\nBáo cáo kết quả thực hiện", Vp, "Các phòng Nghiệp vụ", "Năm 2024");
        yield return Task(Continue(), "2. Xây dựng Kế hoạch theo dõi thi hành pháp luật.",
            "Kế hoạch\nBáo cáo kết quả thực hiện", Vp + " ", "Các phòng Nghiệp vụ", "Năm 2024");
        yield return Task(Continue(), "3. Xây dựng và ban hành văn bản quy phạm pháp luật lĩnh vực thanh tra (nếu có).",
            "Tờ trình\nVăn bản QPPL được ban hành.", "Các phòng Nghiệp vụ", Vp, "Năm 2024");
        yield return Task(Continue(), "4. Xây dựng Kế hoạch và tổ chức tuyên truyền, phổ biến giáo dục pháp luật năm 2024",
            "Kế hoạch \nBáo cáo kết quả thực hiện", Vp, "Các phòng nghiệp vụ", "Năm 2024");

        // Cải cách TTHC
        yield return Task(Restart("Cải cách TTHC"), "1. Xây dựng và triển khai kế hoạch kiểm soát, rà soát TTHC năm 2024. ",
            "Kế hoạch\nBáo cáo kết quả thực hiện", Vp, "Các phòng nghiệp vụ", "- Tháng 01/2024\n-  Định kỳ hàng quý và năm 2024");
        yield return Task(Continue(),
            "2. Công bố TTHC mới ban hành được sửa đổi, bổ sung, thay thế, bãi bỏ theo VBQPPL của Trung ương và địa phương",
            "Quyết định của Chủ tịch UBND tỉnh", Vp, "Các phòng nghiệp vụ", "Thường xuyên");
        yield return Task(Continue(),
            "3. Thực hiện rà soát, kiến nghị các cấp thẩm quyền bãi bỏ, hủy bỏ, sửa đổi, bổ sung các TTHC không còn phù hợp",
            "Quyết định thông qua phương án đơn giản hóa thủ tục hành chính hoặc văn bản kiến nghị", Vp, "Các phòng nghiệp vụ", "Hàng quý và năm 2024");

        // Cải cách tổ chức bộ máy
        yield return Task(Restart("Cải cách tổ chức bộ máy"),
            "1. Rà soát, sắp xếp, tổ chức lại, kiện toàn chức năng, nhiệm vụ và cơ cấu tổ chức bên trong của cơ quan Thanh tra tỉnh",
            "Quyết định", Vp + " ", "Các phòng nghiệp vụ", "Năm 2024");
        yield return Task(Continue(), "2. Tiếp tục thực hiện tinh giản biên chế theo quy định của Trung ương và của tỉnh",
            "Báo cáo kết quả thực hiện", Vp, "Các phòng nghiệp vụ", "Năm 2024");

        // Cải cách công vụ
        yield return Task(Restart("Cải cách công vụ"), "1. Triển khai Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức năm 2024 của cơ quan",
            "Kế hoạch", Vp + " ", "Các phòng nghiệp vụ", "Năm 2024");
        yield return Task(Continue(), "2. Tiếp tục triển khai đánh giá và phân loại cán bộ, công chức, người lao động theo quy định",
            "Báo cáo", Vp + " ", "Các phòng nghiệp vụ", "Năm 2024");

        // Cải cách tài chính công
        yield return Task(Restart("Cải cách tài chính công"),
            "1. Tiếp tục thực hiện Nghị định 130/2005/NĐ-CP ngày 17/10/2005 của Chính phủ về chế độ tự chủ, tự chịu trách nhiệm về sử dụng biên chế và kinh phí quản lý hành chính đối với cơ quan và Nghị định số 117/2013/NĐ-CP sửa đổi, bổ sung Nghị định số 130/2005/NĐ-CP",
            "Báo cáo kết quả thực hiện", Vp + " ", "Các phòng nghiệp vụ", "Năm 2024");
        yield return Task(Continue(),
            "2. Thực hiện báo cáo định kỳ và công khai số liệu giải ngân vốn đầu tư công trên Cổng thông tin điện tử của tỉnh theo quy định",
            "Báo cáo kết quả thực hiện", Vp + " ", "Các phòng nghiệp vụ", "Năm 2024");
        yield return Task(Continue(), "3. Thực hiện các quy định về quản lý tài sản công",
            "Báo cáo kết quả thực hiện", Vp + " ", "Các phòng nghiệp vụ", "Năm 2024");

        // Xây dựng và phát triển Chính phủ điện tử, chính quyền số
        yield return Task(Restart("Xây dựng và phát triển Chính phủ điện tử, chính quyền số"),
            "1. Xây dựng và triển khai Kế hoạch ứng dụng công nghệ thông tin năm 2024",
            "Kế hoạch;\nBáo cáo kết quả thực hiện", Vp + " ", "Các phòng nghiệp vụ", "Năm 2024");
        yield return Task(Continue(),
            "2. Báo cáo và tổng hợp báo cáo tình hình, kết quả thực hiện các nhiệm vụ có liên quan theo Nghị quyết số 131/NQ-CP.",
            "Báo cáo kết quả thực hiện", Vp + " ", "Các phòng nghiệp vụ", "Năm 2024");
        yield return Task(Continue(),
            "3. Duy trì và cải tiến hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001:2015 tại các cơ quan",
            "Kế hoạch kiểm tra nội bộ\nBáo cáo đánh giá", Vp + " ", "Các phòng nghiệp vụ", "Năm 2024");

        // Công tác chỉ đạo điều hành
        yield return Task(Restart("Công tác chỉ đạo điều hành"), "1. Xây dựng và triển khai thực hiện Kế hoạch CCHC năm 2024.",
            "Kế hoạch;\nBáo cáo kết quả.", Vp, "Các phòng chuyên môn", "- Tháng 01/2024\n- Tháng 12/2024");
        yield return Task(Continue(), "2. Xây dựng và tổ chức thực hiện Kế hoạch tuyên truyền CCHC năm 2024.",
            "Kế hoạch;\nBáo cáo kết quả", Vp, "Các phòng chuyên môn", "- Tháng 01/2024\n- Tháng 12/2024");
        yield return Task(Continue(), "3. Xây dựng và tổ chức thực hiện Kế hoạch Kiểm tra công tác nghiệp vụ năm 2024.",
            "Kế hoạch kiểm tra;\nQuyết định kiểm tra;\nCác báo cáo khắc phục của đơn vị được kiểm tra;\nBáo cáo kết quả",
            Vp, "Các phòng chuyên môn", "- Tháng 3/2024\n \n \n \n- Tháng 12/2024");
        yield return Task(Continue(), "4. Tham gia tập huấn công tác CCHC",
            "Hội nghị hoặc tọa đàm", Vp, "Các phòng chuyên môn", "Tháng 12/2024");
        yield return Task(Continue(),
            "5. Bồi dưỡng văn hóa công vụ cho cán bộ, công chức, viên chức theo Quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ",
            "Báo cáo kết quả thực hiện (lồng ghép vào báo cáo CCHC) ", Vp, "Các phòng chuyên môn", "Quý 4/2024");
    }

    private static WRow Task(WCell area, string task, string deliverables, string lead, string cooperating, string timeframe) =>
        Row(area, C(task), C(deliverables), C(lead), C(cooperating), C(timeframe));
}
