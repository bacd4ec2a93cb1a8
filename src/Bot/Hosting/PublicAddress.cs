using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CchcBot.Hosting;

/// <summary>
/// The bot's own base address for the links it sends: Bot:PublicBaseUrl, else (development, anonymous mode) the address
/// the server listens on, else http://127.0.0.1:3978. Never the request's Host header, which the sender chooses.
/// </summary>
public sealed class PublicAddress(IOptions<BotOptions> options, IServiceProvider services)
{
    public const string LocalDefault = "http://127.0.0.1:3978";

    public string BaseUrl
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
            {
                return options.Value.PublicBaseUrl.TrimEnd('/');
            }

            var listening = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses
                .Select(Local).FirstOrDefault(a => a is not null);
            return listening ?? LocalDefault;
        }
    }

    /// <summary>A listening address as a local URL ("http://+:80", "http://0.0.0.0:80", "http://[::]:80" → 127.0.0.1).</summary>
    private static string? Local(string address)
    {
        var normalized = address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal);
        return BotOptions.IsBaseUrl(normalized) ? normalized.TrimEnd('/') : null;
    }
}
