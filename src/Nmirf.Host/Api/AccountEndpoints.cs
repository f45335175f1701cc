using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Nmirf.Accounts;
using Nmirf.Accounts.Tokens;
using Nmirf.Accounts.Users;
using Nmirf.BuildingBlocks.Auditing;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Host.Security;

namespace Nmirf.Host.Api;

/// <summary>Sign-in, the caller's own account and tokens, a country's people and roles, and the audit trail.</summary>
internal static class AccountEndpoints
{
    public sealed record SignInRequest(string? Email, string? Password);

    public sealed record AcceptInvitationRequest(string? Email, string? Code, string? Password);

    public sealed record CreateTokenRequest(string? Name, int? ExpiresInDays);

    public sealed record InviteRequest(string? Email, string? Name, CountryRole? Role, string? Institution);

    public sealed record GrantRequest(string? Institution);

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app, RouteGroupBuilder country)
    {
        var auth = app.MapGroup("/auth").WithTags("Sign-in");
        auth.MapPost("/sign-in", SignInAsync).AllowAnonymous().RequireRateLimiting(SecurityServices.SignInLimit)
            .WithSummary("Signs in with e-mail and password and sets the session cookie; five failures lock the account for 15 minutes.");
        auth.MapPost("/sign-out", async (SignInManager<Accounts.Model.User> signIn) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.NoContent();
            })
            .RequireSignedIn();
        auth.MapPost("/accept-invitation", async (AcceptInvitationRequest body, ISender sender, CancellationToken ct) =>
                ApiResults.Ok(await sender.Send(new AcceptInvitation(body.Email, body.Code, body.Password), ct)))
            .AllowAnonymous().RequireRateLimiting(SecurityServices.SignInLimit)
            .WithSummary("Sets the password of an invited person with the code of their invitation.");

        if (app.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>().GetSchemeAsync(SecurityServices.OpenIdConnectScheme).GetAwaiter().GetResult() is not null)
        {
            MapExternalSignIn(auth);
        }

        var me = app.MapGroup("/me").WithTags("My account").RequireSignedIn();
        me.MapGet("/", async (CallerAccessor callers, ISender sender, CancellationToken ct) =>
            ApiResults.Ok(await sender.Send(new GetUser((await callers.GetAsync(ct))!.UserId), ct)));
        me.MapGet("/tokens", async (CallerAccessor callers, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListTokens((await callers.GetAsync(ct))!.UserId), ct)));
        me.MapPost("/tokens", async (CreateTokenRequest body, CallerAccessor callers, ISender sender, CancellationToken ct) =>
                ApiResults.Created(await sender.Send(new CreateToken((await callers.GetAsync(ct))!.UserId, body.Name, body.ExpiresInDays), ct), t => $"/me/tokens/{t.Token.Id}"))
            .WithSummary("Creates a personal access token; its secret is in this answer only.");
        me.MapDelete("/tokens/{id:guid}", async (Guid id, CallerAccessor callers, ISender sender, CancellationToken ct) =>
                ApiResults.NoContent(await sender.Send(new RevokeToken((await callers.GetAsync(ct))!.UserId, id), ct)))
            .WithSummary("Revokes one of your tokens; it is refused from the next request on.");

        var users = country.MapGroup("/users").WithTags("People and roles");
        users.MapGet("/", async (string country, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListUsers(country), ct)))
            .RequirePermission(Permission.UsersRead);
        users.MapPost("/", async (string country, InviteRequest body, ISender sender, CancellationToken ct) =>
                ApiResults.Ok(await sender.Send(new InviteUser(body.Email, body.Name, country, body.Role, body.Institution), ct)))
            .RequirePermission(Permission.UsersManage)
            .WithSummary("Invites a person with a role in this country; the answer holds the one-time code to set their password.");
        users.MapPut("/{email}/roles/{role}", async (string country, string email, CountryRole role, GrantRequest? body, ISender sender, CancellationToken ct) =>
                ApiResults.Ok(await sender.Send(new GrantRole(email, country, role, body?.Institution), ct)))
            .RequirePermission(Permission.UsersManage);
        users.MapDelete("/{email}/roles/{role}", async (string country, string email, CountryRole role, ISender sender, CancellationToken ct) =>
                ApiResults.Ok(await sender.Send(new RevokeRole(email, country, role), ct)))
            .RequirePermission(Permission.UsersManage);

        country.MapGet("/audit", async (string country, DateTime? since, long? before, int? take, AuditDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await AuditLog.ListAsync(db, country, since?.ToUniversalTime(), before, take ?? 100, ct)))
            .RequirePermission(Permission.AuditRead).WithTags("Audit")
            .WithSummary("Every change in this country, newest first: who, when, what, before and after. Read only.");
        app.MapGet("/audit", async (string? country, DateTime? since, long? before, int? take, AuditDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await AuditLog.ListAsync(db, country, since?.ToUniversalTime(), before, take ?? 100, ct)))
            .RequireNetworkAdministrator().WithTags("Audit")
            .WithSummary("Every change in the deployment, newest first. Read only.");
    }

    /// <summary>Single sign-on through OpenID Connect, mapped only when it is configured: the person must already have an account.</summary>
    private static void MapExternalSignIn(RouteGroupBuilder auth)
    {
        auth.MapGet("/external/oidc", () => TypedResults.Challenge(
                new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = "/auth/external/complete" },
                [SecurityServices.OpenIdConnectScheme]))
            .AllowAnonymous().RequireRateLimiting(SecurityServices.SignInLimit);
        auth.MapGet("/external/complete", async (HttpContext http, SignInManager<Accounts.Model.User> signIn, UserManager<Accounts.Model.User> users) =>
            {
                var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
                var email = external.Principal?.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value ?? external.Principal?.FindFirst("email")?.Value;
                await http.SignOutAsync(IdentityConstants.ExternalScheme);
                var user = email is null ? null : await users.FindByEmailAsync(email);
                if (user is null || await users.IsLockedOutAsync(user))
                {
                    return Unauthorized("no account for this identity; ask an administrator to invite your e-mail address");
                }

                await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: SecurityServices.OpenIdConnectScheme);
                return Results.Ok(new { user.Email });
            })
            .AllowAnonymous().RequireRateLimiting(SecurityServices.SignInLimit);
    }

    private static async Task<IResult> SignInAsync(SignInRequest body, SignInManager<Accounts.Model.User> signIn, UserManager<Accounts.Model.User> users)
    {
        var missing = new ErrorList();
        missing.Required("email", body.Email);
        missing.Required("password", body.Password);
        if (missing.HasErrors)
        {
            return ApiResults.Problem(missing.Errors);
        }

        var user = await users.FindByEmailAsync(body.Email!.Trim());
        if (user is null)
        {
            return Unauthorized("wrong e-mail address or password");
        }

        var result = await signIn.PasswordSignInAsync(user, body.Password!, isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded ? TypedResults.Ok(new { user.Email })
            : result.IsLockedOut ? Unauthorized("the account is locked out after repeated failures; try again later")
            : Unauthorized("wrong e-mail address or password");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Unauthorized(string message) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in", detail: message);
}
