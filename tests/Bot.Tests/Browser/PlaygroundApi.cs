using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace CchcBot.Bot.Tests.Browser;

/// <summary>
/// The Agents Playground's own HTTP API, as its web page uses it: send a message as the current user, read what the
/// bot posts from the conversation WebSocket, and send a card's Action.Execute invoke. No browser needed.
/// </summary>
public sealed class PlaygroundApi : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly HttpClient _http;
    private readonly ClientWebSocket _socket;
    private readonly Channel<JsonNode> _events = Channel.CreateUnbounded<JsonNode>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;

    private PlaygroundApi(Uri baseAddress, ClientWebSocket socket)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _socket = socket;
        _reader = Task.Run(ReadAsync);
    }

    public static async Task<PlaygroundApi> ConnectAsync(Uri baseAddress)
    {
        var socket = new ClientWebSocket();
        var stream = new UriBuilder(baseAddress) { Scheme = "ws", Path = "/_ws_conversation/v1/conversations/stream" }.Uri;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await socket.ConnectAsync(stream, timeout.Token);
        return new PlaygroundApi(baseAddress, socket);
    }

    /// <summary>GET /_internal/v1/config: the Playground's tenant, bot, users, chats and team.</summary>
    public async Task<JsonNode> GetConfigAsync() =>
        (await _http.GetFromJsonAsync<JsonNode>(new Uri("/_internal/v1/config", UriKind.Relative)))!["config"]!;

    public async Task SendTextAsync(string conversationId, string userId, string text)
    {
        var body = new JsonObject { ["type"] = "text", ["text"] = text, ["textFormat"] = "plain", ["from"] = new JsonObject { ["id"] = userId } };
        using var response = await _http.PostAsJsonAsync(new Uri($"/_conversation/v1/conversations/{conversationId}/messages", UriKind.Relative), body);
        Assert.True(response.IsSuccessStatusCode, $"The Playground refused the message: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Waits for the bot's next new message in the conversation with an Adaptive Card whose JSON (non-ASCII unescaped) matches.</summary>
    public async Task<(string MessageId, JsonObject Card)> NextCardAsync(string conversationId, Func<string, bool> match, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var seen = new StringBuilder();
        try
        {
            while (true)
            {
                var e = await _events.Reader.ReadAsync(cancel.Token);
                var json = e.ToJsonString(Readable);
                seen.AppendLine(json[..Math.Min(300, json.Length)]);
                if ((string?)e["action"] != "createMessage" || (string?)e["actionConversationId"] != conversationId)
                {
                    continue;
                }

                var message = e["message"]!;
                foreach (var attachment in message["attachments"]?.AsArray() ?? [])
                {
                    if ((string?)attachment?["contentType"] == "application/vnd.microsoft.card.adaptive"
                        && attachment["content"] is JsonObject card && match(card.ToJsonString(Readable)))
                    {
                        return ((string)message["messageId"]!, card);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No matching card from the bot within {timeout.TotalSeconds:0} s. Seen on the WebSocket:\n{seen}");
        }
    }

    /// <summary>POST /_conversation/v1/invoke: an Action.Execute on the message <paramref name="replyToId"/>; returns the bot's invoke response.</summary>
    public async Task<string> ExecuteAsync(string conversationId, string userId, string replyToId, string verb, JsonObject data)
    {
        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } },
            ["from"] = new JsonObject { ["id"] = userId },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["replyToId"] = replyToId,
        };
        using var response = await _http.PostAsJsonAsync(new Uri("/_conversation/v1/invoke", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"The invoke failed: {(int)response.StatusCode} {text}");
        return text;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reader;
        }
        catch (OperationCanceledException)
        {
        }

        _socket.Dispose();
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    if (JsonNode.Parse(message.ToArray()) is { } node)
                    {
                        await _events.Writer.WriteAsync(node, _stop.Token);
                    }

                    message.SetLength(0);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }
}
