using System.Security.Claims;
using System.Text.Encodings.Web;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Nmirf.Accounts;
using Nmirf.Accounts.Tokens;

namespace Nmirf.Host.Security;

/// <summary>Signs in a request that carries <c>Authorization: Bearer nmirf_...</c>, a personal access token.</summary>
internal sealed class TokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ISender sender)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";
    public const string TokenNameClaim = "nmirf:token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var found = await sender.Send(new AuthenticateToken(header["Bearer ".Length..].Trim()), Context.RequestAborted);
        if (found is not { } token)
        {
            return AuthenticateResult.Fail("The access token is unknown, revoked or expired.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(AccountsModule.UserIdClaim, token.UserId.ToString()), new Claim(TokenNameClaim, token.TokenName)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
