namespace Nmirf.Drafting.Rendering;

/// <summary>
/// Which link targets a draft may carry. A template is data written by administrators and countries, so its links
/// become clickable only for the web and e-mail; anything else (<c>javascript:</c>, <c>file:</c>, <c>data:</c>, relative
/// paths) stays plain text in every output.
/// </summary>
internal static class DraftLinks
{
    /// <summary>The absolute http, https or mailto address a link points to, or null when it must not be a link.</summary>
    public static Uri? SafeTarget(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        return uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto ? uri : null;
    }
}
