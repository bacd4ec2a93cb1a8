using System.Text.Json.Nodes;

namespace CchcBot.Cards;

/// <summary>Small constructors for Adaptive Card elements (schema 1.5), so builders read like the card they make.</summary>
public static class Ac
{
    public static JsonObject Card(IEnumerable<JsonNode?> body, IEnumerable<JsonNode?>? actions = null, bool fullWidth = true)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = CardSchema.SchemaUrl,
            ["version"] = CardSchema.Version,
            ["body"] = Array(body),
        };
        var actionArray = Array(actions ?? []);
        if (actionArray.Count > 0)
        {
            card["actions"] = actionArray;
        }

        if (fullWidth)
        {
            card["msteams"] = new JsonObject { ["width"] = "Full" };
        }

        return card;
    }

    /// <summary>A card shown inside Action.ShowCard: no schema, version or msteams of its own.</summary>
    public static JsonObject SubCard(IEnumerable<JsonNode?> body, IEnumerable<JsonNode?> actions) => new()
    {
        ["type"] = "AdaptiveCard",
        ["body"] = Array(body),
        ["actions"] = Array(actions),
    };

    public static JsonObject Text(
        string text,
        string? size = null,
        string? weight = null,
        string? color = null,
        bool subtle = false,
        string? spacing = null,
        bool separator = false,
        int? maxLines = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        Set(block, "size", size);
        Set(block, "weight", weight);
        Set(block, "color", color);
        Set(block, "spacing", spacing);
        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (separator)
        {
            block["separator"] = true;
        }

        if (maxLines is { } lines)
        {
            block["maxLines"] = lines;
        }

        return block;
    }

    public static JsonObject Container(IEnumerable<JsonNode?> items, string? style = null, string? spacing = null, bool separator = false)
    {
        var container = new JsonObject { ["type"] = "Container", ["items"] = Array(items) };
        Set(container, "style", style);
        Set(container, "spacing", spacing);
        if (separator)
        {
            container["separator"] = true;
        }

        return container;
    }

    /// <summary>A FactSet, or null when there is no fact (an empty FactSet is invalid in Teams).</summary>
    public static JsonObject? Facts(IEnumerable<(string Title, string? Value)> facts)
    {
        var list = facts.Where(f => !string.IsNullOrWhiteSpace(f.Value))
            .Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value })
            .ToArray();
        return list.Length == 0 ? null : new JsonObject { ["type"] = "FactSet", ["facts"] = new JsonArray(list) };
    }

    public static JsonObject Columns(params JsonObject[] columns) =>
        new() { ["type"] = "ColumnSet", ["columns"] = new JsonArray(columns) };

    public static JsonObject Column(string width, params JsonNode?[] items) =>
        new() { ["type"] = "Column", ["width"] = width, ["items"] = Array(items) };

    /// <summary>A column on a container style (null: the default background), e.g. a status shown as a tinted badge.</summary>
    public static JsonObject StyledColumn(string width, string? style, params JsonNode?[] items)
    {
        var column = Column(width, items);
        Set(column, "style", style);
        return column;
    }

    public static JsonObject Execute(string title, string verb, JsonObject data, string? style = null)
    {
        var action = new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = verb, ["data"] = data };
        Set(action, "style", style);
        return action;
    }

    /// <summary>A button that sends <paramref name="text"/> as if the user typed it (Teams imBack).</summary>
    public static JsonObject SendText(string title, string text) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JsonObject { ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = text } },
    };

    public static JsonObject ShowCard(string title, JsonObject card) =>
        new() { ["type"] = "Action.ShowCard", ["title"] = title, ["card"] = card };

    public static JsonObject ActionSet(params JsonObject[] actions) =>
        new() { ["type"] = "ActionSet", ["actions"] = new JsonArray(actions) };

    public static JsonArray Array(IEnumerable<JsonNode?> nodes) => new(nodes.Where(n => n is not null).ToArray());

    private static void Set(JsonObject o, string name, string? value)
    {
        if (value is not null)
        {
            o[name] = value;
        }
    }
}
