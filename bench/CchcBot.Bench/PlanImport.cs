using System.Diagnostics;
using CchcBot.Bot.Tests.Plan.Word;
using CchcBot.Plan;
using CchcBot.Plan.Files;
using CchcBot.Plan.Files.Word;
using static CchcBot.Bot.Tests.Plan.Word.DocxBuilder;

namespace CchcBot.Bench;

/// <summary>
/// P4 (issue 14): reading a generated 500-task plan from its Word document against reading the same plan from JSON
/// (parse and validate against the sample directory; no storage). The JSON is what the Word reader read, written by
/// PlanJsonWriter, so both describe the same plan.
/// </summary>
public static class PlanImport
{
    private const int Tasks = 500;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(bool quick)
    {
        var directory = DirectoryFileReader.Read(BundledData.DirectoryJson).Value!;
        var docx = GeneratedDocx();
        var fromWord = new WordPlanReader().Read(docx, directory);
        if (!fromWord.Ok || fromWord.Value!.Tasks.Count != Tasks)
        {
            throw new InvalidOperationException($"the generated plan did not read: {string.Join("; ", fromWord.Problems.Take(5).Select(p => p.ToString()))}");
        }

        var json = PlanJsonWriter.Write(fromWord.Value);
        var repeat = quick ? 3 : 10; // each run reads the file this many times (a single read is a few ms)
        var runs = await Repeated.AlternateAsync("P4 import ms (json | docx)",
            _ => Task.FromResult(Time(repeat, () => new PlanFileReader().Read(json, directory))),
            _ => Task.FromResult(Time(repeat, () => new WordPlanReader().Read(docx, directory))));
        var ratio = Samples.Ratios(runs[1], runs[0]);
        return
        [
            new BenchRow("P4", $"import {Tasks}-task plan, JSON ({json.Length / 1024} KB), parse + validate", runs[0].Show("0.0", " ms"), "—", true),
            new BenchRow("P4", $"import the same plan as .docx ({docx.Length / 1024} KB)", runs[1].Show("0.0", " ms"), "—", true),
            new BenchRow("P4", "ratio .docx / JSON", ratio.Show("0.00"), "≤ 3", ratio.Median <= 3),
        ];
    }

    /// <summary>Milliseconds per read, averaged over <paramref name="repeat"/> reads; each read must succeed.</summary>
    private static double Time<T>(int repeat, Func<ReadResult<T>> read)
        where T : class
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < repeat; i++)
        {
            if (read() is { Ok: false } failed)
            {
                throw new InvalidOperationException("a benchmark read failed: " + string.Join("; ", failed.Problems.Take(3)));
            }
        }

        return watch.Elapsed.TotalMilliseconds / repeat;
    }

    /// <summary>Section III of a plan as agencies write it: the seven areas merged down their tasks, several deliverables per cell.</summary>
    public static byte[] GeneratedDocx()
    {
        string[] areas =
        [
            "Cải cách thể chế", "Cải cách TTHC", "Cải cách tổ chức bộ máy", "Cải cách chế độ công vụ", "Cải cách tài chính công",
            "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", "Công tác chỉ đạo điều hành",
        ];
        string[] timeframes = ["Năm 2024", "Quý I/2024", "Tháng 6/2024", "Trước ngày 15/12/2024", "6 tháng đầu năm 2024", "Quý II/2024", "Quý III/2024"];
        var rows = new List<WRow> { Row("Nhiệm vụ chung", "Nhiệm vụ cụ thể", "Sản phẩm", "Phòng tham mưu thực hiện", "Phối hợp thực hiện", "Thời gian thực hiện") };
        for (var t = 0; t < Tasks; t++)
        {
            var area = t * areas.Length / Tasks;
            var first = t == area * Tasks / areas.Length || t * areas.Length / Tasks != (t - 1) * areas.Length / Tasks;
            var (lead, cooperating) = t % 2 == 0 ? ("Văn phòng", "Các phòng Nghiệp vụ") : ("Các phòng Nghiệp vụ", "Văn phòng");
            rows.Add(Row(
                first ? Restart(areas[area]) : Continue(),
                C($"{t + 1}. Tổ chức triển khai, theo dõi và báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính số {t + 1} của đơn vị."),
                C("Kế hoạch\nBáo cáo kết quả thực hiện"),
                C(lead),
                C(cooperating),
                C(timeframes[t % timeframes.Length])));
        }

        return new DocxBuilder()
            .Paragraphs("KẾ HOẠCH", "Thực hiện cải cách hành chính năm 2024", "III. PHÂN CÔNG NHIỆM VỤ CỤ THỂ")
            .Table(rows)
            .Build();
    }
}
