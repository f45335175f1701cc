using Microsoft.AspNetCore.Authorization;
using Nmirf.BuildingBlocks.Countries;

namespace Nmirf.Host.Security;

/// <summary>Requires <see cref="Permission"/> in the country of the route (<c>{country}</c>).</summary>
internal sealed record PermissionRequirement(Permission Permission) : IAuthorizationRequirement;

/// <summary>Requires a network administrator.</summary>
internal sealed record NetworkAdministratorRequirement : IAuthorizationRequirement;

internal sealed class PermissionHandler(CallerAccessor callers) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.Resource is not HttpContext http || await callers.GetAsync(http.RequestAborted) is not { } caller)
        {
            return;
        }

        var country = http.GetRouteValue("country") as string;
        if (CountryCodes.IsValid(country) && RolePermissions.Allows(caller, country!, requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}

internal sealed class NetworkAdministratorHandler(CallerAccessor callers) : AuthorizationHandler<NetworkAdministratorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, NetworkAdministratorRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        if (await callers.GetAsync(http?.RequestAborted ?? default) is { NetworkAdministrator: true })
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>A signed-in person whose account still exists and is not locked out.</summary>
internal sealed record ActiveAccountRequirement : IAuthorizationRequirement;

internal sealed class ActiveAccountHandler(CallerAccessor callers) : AuthorizationHandler<ActiveAccountRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ActiveAccountRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        if (await callers.GetAsync(http?.RequestAborted ?? default) is not null)
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>How endpoints declare their policy, where they are mapped.</summary>
internal static class EndpointSecurity
{
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(Policies.For(permission));

    public static TBuilder RequireSignedIn<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(Policies.SignedIn);

    public static TBuilder RequireNetworkAdministrator<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(Policies.NetworkAdministrator);
}
