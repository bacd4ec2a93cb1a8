using System.Collections.Concurrent;

namespace CchcBot.Bot.Tests.Support;

/// <summary>Records every request the bot's HTTP clients (IHttpClientFactory) send, then lets it through.</summary>
public sealed class RecordingHandler : DelegatingHandler
{
    public ConcurrentQueue<Uri> Requests { get; } = new();

    /// <summary>Adds a recorder to every client the factory makes.</summary>
    public static RecordingHandler AddTo(IServiceCollection services)
    {
        var recorder = new RecordingHandler();
        services.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => new Forwarding(recorder)));
        return recorder;
    }

    private sealed class Forwarding(RecordingHandler recorder) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            recorder.Requests.Enqueue(request.RequestUri!);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
