using System.Globalization;
using System.Text;

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

    /// <summary>An OData filter for every key that starts with <paramref name="prefix"/>.</summary>
    public static string StartsWith(string property, string prefix) =>
        $"{property} ge '{Escape(prefix)}' and {property} lt '{Escape(prefix + '\uffff')}'";

    public static string Escape(string literal) => literal.Replace("'", "''", StringComparison.Ordinal);
}
