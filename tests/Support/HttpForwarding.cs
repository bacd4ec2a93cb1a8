using Microsoft.AspNetCore.Http;

namespace CchcBot.TestSupport;

/// <summary>The two halves of a loopback proxy in front of Azurite: the request as received, and the answer passed back.</summary>
public static class HttpForwarding
{
    /// <summary>The received request (body and headers but Host and Transfer-Encoding) as a request for <paramref name="target"/>.</summary>
    public static async Task<HttpRequestMessage> RequestFromAsync(HttpRequest request, string target)
    {
        var forward = new HttpRequestMessage(new HttpMethod(request.Method), target);
        var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        body.Position = 0;
        forward.Content = new StreamContent(body);
        foreach (var (name, values) in request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!forward.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                forward.Content.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        return forward;
    }

    /// <summary>The answer's status and headers (but Transfer-Encoding) onto the response; the body is the caller's.</summary>
    public static void CopyStatusAndHeaders(HttpResponseMessage answer, HttpResponse response)
    {
        response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                response.Headers[name] = values.ToArray();
            }
        }
    }
}
