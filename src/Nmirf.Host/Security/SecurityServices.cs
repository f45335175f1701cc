using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Nmirf.BuildingBlocks.Tenancy;

namespace Nmirf.Host.Security;

/// <summary>
/// Authentication (personal access tokens, Identity's cookie, OpenID Connect when configured), the authorization
/// policies, and the hardening of the web API: request size and rate limits, security headers.
/// </summary>
internal static class SecurityServices
{
    public const string DefaultScheme = "Nmirf";
    public const string SignInLimit = "sign-in";
    public const string ImportLimit = "import";
    public const string OpenIdConnectScheme = "oidc";

    public static void AddNmirfSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddHttpContextAccessor();
        services.AddScoped<CallerAccessor>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddScoped<IAuthorizationHandler, NetworkAdministratorHandler>();
        services.AddScoped<IAuthorizationHandler, ActiveAccountHandler>();

        var authentication = services
            .AddAuthentication(options =>
            {
                options.DefaultScheme = DefaultScheme;
                options.DefaultChallengeScheme = DefaultScheme;
            })
            .AddPolicyScheme(DefaultScheme, "Token or cookie", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        authentication.AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(options =>
        {
            options.Cookie.Name = "nmirf";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // An API answers 401 and 403; it does not redirect to a sign-in page.
            options.Events.OnRedirectToLogin = context => WriteStatus(context.HttpContext, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => WriteStatus(context.HttpContext, StatusCodes.Status403Forbidden);
        }));

        var oidc = configuration.GetSection("Authentication:OpenIdConnect");
        if (!string.IsNullOrWhiteSpace(oidc["Authority"]))
        {
            authentication.AddOpenIdConnect(OpenIdConnectScheme, oidc["DisplayName"] ?? "Single sign-on", options =>
            {
                options.Authority = oidc["Authority"];
                options.ClientId = oidc["ClientId"];
                options.ClientSecret = oidc["ClientSecret"];
                options.ResponseType = "code";
                options.SignInScheme = IdentityConstants.ExternalScheme;
                options.Scope.Add("email");
                options.CallbackPath = "/auth/external/signin-oidc";
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, policy => policy.RequireAuthenticatedUser().AddRequirements(new ActiveAccountRequirement()))
            .AddPolicy(Policies.NetworkAdministrator, policy => policy.RequireAuthenticatedUser().AddRequirements(new NetworkAdministratorRequirement()))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new ActiveAccountRequirement()).Build());
        services.AddAuthorization(options =>
        {
            foreach (var permission in Enum.GetValues<Permission>())
            {
                options.AddPolicy(Policies.For(permission), policy => policy.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
            }
        });

        var signInPermits = configuration.GetValue("Security:SignInPermitsPerMinute", 10);
        var importPermits = configuration.GetValue("Security:ImportPermitsPerMinute", 30);
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(SignInLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.AddPolicy(ImportLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = importPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: "too many requests; try again in a minute")
                    .ExecuteAsync(context.HttpContext);
            };
        });

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = configuration.GetValue<long>("Security:MaxRequestBodyBytes", 10 * 1024 * 1024);
        });
    }

    public static void UseNmirfSecurity(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            await next(context);
        });
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            // The audit log names the person behind every change (and the token they used).
            var actor = context.RequestServices.GetRequiredService<ActorContext>();
            if (await context.RequestServices.GetRequiredService<CallerAccessor>().GetAsync(context.RequestAborted) is { } caller)
            {
                var token = context.User.FindFirstValue(TokenAuthenticationHandler.TokenNameClaim);
                actor.Use(token is null ? caller.Email : $"{caller.Email} (token {token})");
            }
            else
            {
                actor.Use($"anonymous ({context.Connection.RemoteIpAddress})");
            }

            await next(context);
        });
        app.UseAuthorization();
        app.UseRateLimiter();
    }

    private static Task WriteStatus(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
