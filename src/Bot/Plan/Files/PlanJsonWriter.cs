using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CchcBot.Plan.Files;

/// <summary>
/// Writes a plan in the plan JSON format (README "File formats"), with only the properties of
/// <see cref="PlanFileFormat"/> (the reader refuses any other), so an operator can review it, fix it and import it.
/// Every milestone is written explicitly (deliverable, due yyyy-MM-dd), except in tasks with an ongoing milestone
/// ("Thường xuyên", no due date) or a periodic one ("Quý I"): explicit milestones in the file format always have a
/// due date and no period label, so those tasks leave <c>milestones</c> out and the reader derives them from the
/// timeframe again, as it did the first time. Pure: returns the bytes (UTF-8, no byte-order mark).
/// </summary>
public static class PlanJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Vietnamese stays readable; the file is not HTML.
    };

    public static byte[] Write(CchcPlan plan)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("agency", plan.Agency);
            w.WriteNumber("year", plan.Year);
            w.WriteString("title", plan.Title);
            w.WriteStartArray("areas");
            foreach (var area in plan.Areas)
            {
                w.WriteStartObject();
                w.WriteString("id", area.Id);
                w.WriteString("name", area.Name);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("tasks");
            foreach (var task in plan.Tasks.OrderBy(t => t.Order))
            {
                WriteTask(w, task);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>Whether the task's milestones can be written explicitly: all dated, none periodic.</summary>
    public static bool HasExplicitMilestones(PlanTask task) =>
        task.Milestones.Count > 0 && task.Milestones.All(m => m.Due is not null && m.Period is null);

    private static void WriteTask(Utf8JsonWriter w, PlanTask task)
    {
        w.WriteStartObject();
        w.WriteString("id", task.Id);
        w.WriteString("area", task.AreaId);
        w.WriteString("title", task.Title);
        Strings(w, "deliverables", task.Deliverables);
        Strings(w, "lead", task.Lead);
        Strings(w, "cooperating", task.Cooperating);
        w.WriteString("timeframe", task.Timeframe);
        if (HasExplicitMilestones(task))
        {
            w.WriteStartArray("milestones");
            foreach (var m in task.Milestones)
            {
                w.WriteStartObject();
                w.WriteString("deliverable", m.Deliverable);
                w.WriteString("due", m.Due!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
