using System.Globalization;
using System.Text;
using Azure.Data.Tables;

namespace CchcBot.Storage;

/// <summary>
/// Encodes text for use in PartitionKey/RowKey. Azure Tables forbid '/', '\', '#', '?' and control characters in
/// keys; we percent-encode those (and '%' itself, so decoding is exact) after NFC normalisation, so Vietnamese text
/// typed on any OS yields one key.
/// </summary>
public static class TableKeys
{
    /// <summary>Separates the parts of a composite key ("agency|taskId"). Never produced by <see cref="Encode"/>.</summary>
    public const char Separator = '|';

    public static string Encode(string value)
    {
        var nfc = value.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(nfc.Length);
        foreach (var c in nfc)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' or Separator || char.IsControl(c))
            {
                sb.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    public static string Decode(string key)
    {
        var sb = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '%' && i + 2 < key.Length &&
                int.TryParse(key.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                sb.Append((char)code);
                i += 2;
            }
            else
            {
                sb.Append(key[i]);
            }
        }

        return sb.ToString();
    }

    public static string Compose(params string[] parts) => string.Join(Separator, parts.Select(Encode));

    /// <summary>An OData filter for every value of <paramref name="property"/> that starts with <paramref name="prefix"/>
    /// (prefer <see cref="TableFilter"/> for the keys).</summary>
    public static string StartsWith(string property, string prefix) =>
        $"{property} ge {TableClient.CreateQueryFilter($"{prefix}")} and {property} lt {TableClient.CreateQueryFilter($"{prefix + TableFilter.Last}")}";

    /// <summary>A string's body for an OData literal ('' for '); prefer <see cref="TableClient.CreateQueryFilter(FormattableString)"/>.</summary>
    public static string Escape(string literal) => literal.Replace("'", "''", StringComparison.Ordinal);
}

/// <summary>
/// The OData filters of the repositories, made by <see cref="TableClient.CreateQueryFilter(FormattableString)"/> (which
/// quotes and escapes every value), for the key patterns the tables use: one partition, and key prefixes as ranges.
/// </summary>
public static class TableFilter
{
    /// <summary>Above every character keys hold: "prefix" ≤ key &lt; "prefix\uffff" is every key starting with prefix.</summary>
    internal const char Last = '\uffff';

    public static string PartitionIs(string partition) => TableClient.CreateQueryFilter($"PartitionKey eq {partition}");

    public static string PartitionStartsWith(string prefix) => TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {prefix + Last}");

    /// <summary>Partitions from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static string PartitionBetween(string from, string to) => TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey le {to}");

    public static string RowIs(string row) => TableClient.CreateQueryFilter($"RowKey eq {row}");

    public static string RowStartsWith(string prefix) => TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {prefix + Last}");

    /// <summary>An instant cut to the millisecond (as the history's "since" always was compared).</summary>
    public static DateTimeOffset ToMillisecond(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    /// <summary>An instant cut to the second.</summary>
    public static DateTimeOffset ToSecond(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    /// <summary>Every filter holds (each in parentheses).</summary>
    public static string And(params string[] filters) => string.Join(" and ", filters.Select(f => $"({f})"));

    /// <summary>One of the filters holds (each in parentheses).</summary>
    public static string Or(params string[] filters) => string.Join(" or ", filters.Select(f => $"({f})"));
}
