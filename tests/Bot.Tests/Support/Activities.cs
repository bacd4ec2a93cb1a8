using System.Text.Json.Nodes;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Support;

/// <summary>Activities shaped as Microsoft Teams sends them to a bot.</summary>
public static class Activities
{
    public static JsonObject Message(string serviceUrl, TeamsUser user, string text) =>
        Base("message", serviceUrl, user, PersonalConversation(user), Guid.NewGuid().ToString())
            .With("text", text)
            .With("textFormat", "plain");

    /// <summary>A personal-chat message carrying one file, as Teams sends it when the bot has supportsFiles.</summary>
    public static JsonObject FileMessage(string serviceUrl, TeamsUser user, string name, string downloadUrl, string? text = null) =>
        Base("message", serviceUrl, user, PersonalConversation(user), Guid.NewGuid().ToString())
            .With("text", text ?? string.Empty)
            .With("attachments", new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
                ["contentUrl"] = "https://contoso.sharepoint.com/personal/x/Documents/" + Uri.EscapeDataString(name),
                ["name"] = name,
                ["content"] = new JsonObject
                {
                    ["downloadUrl"] = downloadUrl,
                    ["uniqueId"] = Guid.NewGuid().ToString(),
                    ["fileType"] = Path.GetExtension(name).TrimStart('.').ToLowerInvariant(),
                },
            }));

    public static JsonObject Invoke(string serviceUrl, TeamsUser user, string verb, JsonObject data, string? activityId, string trigger = "manual") =>
        Base("invoke", serviceUrl, user, PersonalConversation(user), activityId ?? Guid.NewGuid().ToString())
            .With("name", "adaptiveCard/action")
            .With("value", new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
                ["trigger"] = trigger,
            });

    public static JsonObject BotAddedToPersonalChat(string serviceUrl, TeamsUser user) =>
        Base("conversationUpdate", serviceUrl, user, PersonalConversation(user), Guid.NewGuid().ToString())
            .With("membersAdded", new JsonArray(new JsonObject { ["id"] = BotHarness.BotId }));

    public static JsonObject BotRemovedFromPersonalChat(string serviceUrl, TeamsUser user) =>
        Base("installationUpdate", serviceUrl, user, PersonalConversation(user), Guid.NewGuid().ToString())
            .With("action", "remove");

    public static JsonObject ChannelMessage(string serviceUrl, TeamsUser user, string teamId, string channelId, string text) =>
        Base("message", serviceUrl, user, ChannelConversation(channelId), Guid.NewGuid().ToString(), teamId, channelId)
            .With("text", $"<at>Nhắc việc CCHC</at> {text}")
            .With("entities", new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>Nhắc việc CCHC</at>",
                ["mentioned"] = new JsonObject { ["id"] = BotHarness.BotId, ["name"] = "Nhắc việc CCHC" },
            }));

    public static JsonObject BotAddedToTeam(string serviceUrl, TeamsUser user, string teamId, string channelId) =>
        Base("conversationUpdate", serviceUrl, user, ChannelConversation(channelId), Guid.NewGuid().ToString(), teamId, channelId)
            .With("membersAdded", new JsonArray(new JsonObject { ["id"] = BotHarness.BotId }));

    public static JsonObject PersonalConversation(TeamsUser user) => new()
    {
        ["id"] = "a:personal-" + user.Id,
        ["conversationType"] = "personal",
        ["tenantId"] = BotHarnessDefaults.TenantId,
    };

    public static JsonObject ChannelConversation(string channelId) => new()
    {
        ["id"] = channelId,
        ["conversationType"] = "channel",
        ["isGroup"] = true,
        ["tenantId"] = BotHarnessDefaults.TenantId,
    };

    public static JsonObject With(this JsonObject o, string name, JsonNode? value)
    {
        o[name] = value;
        return o;
    }

    private static JsonObject Base(string type, string serviceUrl, TeamsUser user, JsonObject conversation, string id, string? teamId = null, string? channelId = null)
    {
        var channelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = BotHarnessDefaults.TenantId } };
        if (teamId is not null)
        {
            channelData["team"] = new JsonObject { ["id"] = teamId, ["name"] = "Văn phòng" };
            channelData["channel"] = new JsonObject { ["id"] = channelId, ["name"] = "Chung" };
        }

        return new JsonObject
        {
            ["type"] = type,
            ["id"] = id,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("o"),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId },
            ["recipient"] = new JsonObject { ["id"] = BotHarness.BotId, ["name"] = "Nhắc việc CCHC" },
            ["conversation"] = conversation,
            ["channelData"] = channelData,
            ["locale"] = "vi-VN",
        };
    }
}
