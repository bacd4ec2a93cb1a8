using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CchcBot.Plan.Files;

/// <summary>
/// Writes a directory in the directory file format (README "File formats"), so what is stored can be exported, edited
/// and loaded back with <c>directory &lt;file&gt;</c>: reading the written text gives the same directory.
/// </summary>
public static class DirectoryFileWriter
{
    public static string Write(AgencyDirectory directory)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("agency", directory.Agency);
            w.WriteStartArray("departments");
            foreach (var d in directory.Departments)
            {
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                w.WriteString("name", d.Name);
                w.WriteString("group", d.Group);
                w.WriteString("head", d.Head);
                Strings(w, "deputies", d.Deputies);
                Strings(w, "staff", d.Staff);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("chiefOfOffice", directory.ChiefOfOffice);
            w.WriteString("chiefInspector", directory.ChiefInspector);
            if (directory.Groups.Count > 0)
            {
                w.WriteStartArray("groups");
                foreach (var g in directory.Groups)
                {
                    w.WriteStartObject();
                    w.WriteString("id", g.Id);
                    w.WriteString("name", g.Name);
                    Strings(w, "aliases", g.Aliases);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            if (directory.Letterhead is { } letterhead)
            {
                Optional(w, "agencyName", letterhead.AgencyName);
                Optional(w, "parentAgencyName", letterhead.ParentAgencyName);
                Optional(w, "place", letterhead.Place);
                Optional(w, "documentCode", letterhead.DocumentCode);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
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
