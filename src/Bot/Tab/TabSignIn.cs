using System.Security.Claims;
using CchcBot.Cards;
using CchcBot.Hosting;
using CchcBot.Plan;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CchcBot.Tab;

/// <summary>
/// Who is asking the tab's API. In production: a Teams SSO token (authentication.getAuthToken()) as a bearer token,
/// validated against the Entra OpenID metadata of MicrosoftAppTenantId — issuer, signature, lifetime, audience
/// (api://&lt;domain&gt;/&lt;MicrosoftAppId&gt; in v1 tokens, the bare client id in v2), scp containing access_as_user, tid in
/// Bot:AllowedTenants when set — then matched against the directory by preferred_username (or upn, email). In local
/// anonymous mode: the directory person the page names in the X-CchcBot-Tab-User header (chosen from /tab/dev-login).
/// </summary>
public sealed class TabSignIn(AnonymousMode anonymous, TabUsers users, IOptions<BotOptions> bot, ILogger<TabSignIn> logger)
{
    public const string Scheme = "TeamsTabSso";
    public const string Scope = "access_as_user";
    public const string DevUserHeader = "X-CchcBot-Tab-User";

    /// <summary>The local sign-in is offered in anonymous mode, and (like the chat there) only to this machine.</summary>
    public bool OffersLocalSignIn(HttpContext http) =>
        anonymous.IsOn && (http.Connection.RemoteIpAddress is not { } ip || System.Net.IPAddress.IsLoopback(ip));

    public async Task<SignInResult> SignInAsync(HttpContext http, CancellationToken ct)
    {
        if (anonymous.IsOn)
        {
            if (!OffersLocalSignIn(http))
            {
                logger.LogWarning("Refused a tab request from {RemoteAddress}: anonymous mode serves this machine only", http.Connection.RemoteIpAddress);
                return SignInResult.Refused(StatusCodes.Status401Unauthorized, "sign-in", TabStrings.SignInRequired);
            }

            var chosen = http.Request.Headers[DevUserHeader].ToString();
            if (string.IsNullOrWhiteSpace(chosen))
            {
                return SignInResult.Refused(StatusCodes.Status401Unauthorized, "sign-in", TabStrings.SignInRequired);
            }

            return await users.ResolveAsync(string.Empty, [chosen], ct) is { } local
                ? SignInResult.Accepted(local)
                : SignInResult.Refused(StatusCodes.Status403Forbidden, "not-in-directory", TabStrings.NotInDirectory);
        }

        var result = await http.AuthenticateAsync(Scheme);
        if (!result.Succeeded || result.Principal is not { } principal)
        {
            if (result.Failure is { } failure)
            {
                logger.LogWarning("Refused a tab request ({Status}): {Problem}", 401, failure.GetType().Name);
            }

            return SignInResult.Refused(StatusCodes.Status401Unauthorized, "sign-in", TabStrings.SignInRequired);
        }

        var scopes = (principal.FindFirst("scp")?.Value ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!scopes.Contains(Scope, StringComparer.Ordinal))
        {
            logger.LogWarning("Refused a tab request (403): the token has no {Scope} scope", Scope);
            return SignInResult.Refused(StatusCodes.Status403Forbidden, "scope", TabStrings.SignInRequired);
        }

        var tenant = principal.FindFirst("tid")?.Value;
        var allowed = bot.Value.AllowedTenants;
        if (allowed.Count > 0 && !allowed.Contains(tenant ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            logger.LogWarning("Refused a tab request (403) from tenant {TenantId}: not in Bot:AllowedTenants", tenant ?? "(none)");
            return SignInResult.Refused(StatusCodes.Status403Forbidden, "tenant", TabStrings.NotInDirectory);
        }

        var objectId = principal.FindFirst("oid")?.Value ?? string.Empty;
        var user = await users.ResolveAsync(objectId, [Claim(principal, "preferred_username"), Claim(principal, "upn"), Claim(principal, "email")], ct);
        if (user is null)
        {
            logger.LogInformation("Tab user {UserObjectId} is not in any directory", objectId);
            return SignInResult.Refused(StatusCodes.Status403Forbidden, "not-in-directory", TabStrings.NotInDirectory);
        }

        return SignInResult.Accepted(user);
    }

    private static string? Claim(ClaimsPrincipal principal, string type) => principal.FindFirst(type)?.Value;

    /// <summary>The bearer validation: authority from Tab:Authority (default the tenant's v2.0 endpoint), metadata from
    /// Tab:MetadataAddress when set (tests), audiences from Bot:PublicBaseUrl's host and MicrosoftAppId.</summary>
    public static void Configure(JwtBearerOptions o, IConfiguration configuration, BotOptions bot)
    {
        var appId = configuration["MicrosoftAppId"] ?? string.Empty;
        var tenant = configuration["MicrosoftAppTenantId"] ?? string.Empty;
        var tenantSegment = string.IsNullOrWhiteSpace(tenant) ? "organizations" : tenant;
        o.Authority = configuration["Tab:Authority"] is { Length: > 0 } authority ? authority : $"https://login.microsoftonline.com/{tenantSegment}/v2.0";
        if (configuration["Tab:MetadataAddress"] is { Length: > 0 } metadata)
        {
            o.MetadataAddress = metadata;
        }

        o.MapInboundClaims = false;
        o.RequireHttpsMetadata = true;
        var domain = Uri.TryCreate(bot.PublicBaseUrl, UriKind.Absolute, out var baseUrl) ? baseUrl.Authority : null;
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateAudience = true,
            ValidAudiences = new[] { domain is null ? null : $"api://{domain}/{appId}", appId }.Where(a => !string.IsNullOrWhiteSpace(a)).ToList()!,
            ValidateIssuer = true,
            IssuerValidator = (issuer, token, _) => ValidIssuer(issuer, token, tenant),
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromMinutes(2),
        };
    }

    /// <summary>The v2 (login.microsoftonline.com/&lt;tid&gt;/v2.0) or v1 (sts.windows.net/&lt;tid&gt;/) issuer of the token's own
    /// tenant, which must be MicrosoftAppTenantId when that is set.</summary>
    private static string ValidIssuer(string issuer, SecurityToken token, string tenant)
    {
        var tid = token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>("tid", out var t) ? t : null;
        if (tid is null || !Guid.TryParse(tid, out _))
        {
            throw new SecurityTokenInvalidIssuerException("The token has no tenant id (tid).");
        }

        if (!string.IsNullOrWhiteSpace(tenant) && !string.Equals(tid, tenant, StringComparison.OrdinalIgnoreCase))
        {
            throw new SecurityTokenInvalidIssuerException("The token is from another tenant than MicrosoftAppTenantId.");
        }

        string[] valid = [$"https://login.microsoftonline.com/{tid}/v2.0", $"https://sts.windows.net/{tid}/"];
        return valid.Contains(issuer, StringComparer.OrdinalIgnoreCase)
            ? issuer
            : throw new SecurityTokenInvalidIssuerException("The token's issuer is not its tenant's Entra ID issuer.");
    }
}

public sealed record SignInResult(AgencyUser? User, int Status, string? Error, string? Message)
{
    public static SignInResult Accepted(AgencyUser user) => new(user, StatusCodes.Status200OK, null, null);

    public static SignInResult Refused(int status, string error, string message) => new(null, status, error, message);
}
