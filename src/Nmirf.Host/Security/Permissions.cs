using Nmirf.Accounts;

namespace Nmirf.Host.Security;

/// <summary>What an endpoint under <c>/countries/{country}</c> lets a caller do in that country.</summary>
#pragma warning disable CA1711 // "Permission" is the domain word here; the type is no System.Security permission.
public enum Permission
#pragma warning restore CA1711
{
    MandateRead,
    MandateWrite,
    CyclesRead,
    CyclesWrite,
    CalendarRead,
    UsersRead,
    UsersManage,
    AuditRead,
    RecommendationsRead,
    RecommendationsWrite,
    ProgressWrite,
    WorkflowsRead,
    WorkflowsWrite,
    TasksRead,
    TasksWork,
    TasksManage,
    CyclesRun,
    TemplatesRead,
    TemplatesWrite,
    DraftsGenerate,
}

/// <summary>The permissions of each role in a country. A network administrator holds every permission everywhere.</summary>
public static class RolePermissions
{
    private static readonly Dictionary<CountryRole, Permission[]> ByRole = new()
    {
        [CountryRole.Administrator] = Enum.GetValues<Permission>(),
        [CountryRole.Drafter] =
        [
            Permission.MandateRead, Permission.CyclesRead, Permission.CyclesWrite, Permission.CalendarRead, Permission.RecommendationsRead, Permission.RecommendationsWrite, Permission.ProgressWrite,
            Permission.WorkflowsRead, Permission.TasksRead, Permission.TasksWork, Permission.CyclesRun,
            Permission.TemplatesRead, Permission.TemplatesWrite, Permission.DraftsGenerate,
        ],
        // A focal point's reads and writes of recommendations and tasks are narrowed to their institution's by the endpoints.
        [CountryRole.FocalPoint] = [Permission.MandateRead, Permission.CyclesRead, Permission.CalendarRead, Permission.RecommendationsRead, Permission.ProgressWrite, Permission.TasksRead, Permission.TasksWork],
        [CountryRole.Viewer] = [Permission.MandateRead, Permission.CyclesRead, Permission.CalendarRead, Permission.RecommendationsRead, Permission.WorkflowsRead, Permission.TasksRead, Permission.TemplatesRead],
    };

    public static bool Allows(CountryRole role, Permission permission) => ByRole[role].Contains(permission);

    /// <summary>Whether <paramref name="caller"/> may do <paramref name="permission"/> in <paramref name="country"/>.</summary>
    public static bool Allows(Caller caller, string country, Permission permission) =>
        caller.NetworkAdministrator || caller.RolesIn(country).Any(role => Allows(role, permission));
}

/// <summary>The names of the authorization policies; every endpoint declares one.</summary>
public static class Policies
{
    /// <summary>Any signed-in person.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>A network administrator.</summary>
    public const string NetworkAdministrator = "network-administrator";

    /// <summary>The policy that requires <paramref name="permission"/> in the route's country.</summary>
    public static string For(Permission permission) => "country:" + permission;
}
