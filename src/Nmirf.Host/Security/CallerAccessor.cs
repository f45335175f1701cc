using System.Security.Claims;
using Mediator;
using Nmirf.Accounts;
using Nmirf.Accounts.Users;

namespace Nmirf.Host.Security;

/// <summary>
/// The caller of the current request, read from the database once per request: a role granted or revoked, or an
/// account locked, takes effect at the next request, whatever the cookie or token says.
/// </summary>
internal sealed class CallerAccessor(IHttpContextAccessor http, ISender sender)
{
    private Caller? _caller;
    private bool _loaded;

    public async ValueTask<Caller?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_loaded)
        {
            return _caller;
        }

        _loaded = true;
        var id = http.HttpContext?.User.FindFirstValue(AccountsModule.UserIdClaim);
        if (Guid.TryParse(id, out var userId))
        {
            _caller = await sender.Send(new GetCaller(userId), cancellationToken);
        }

        return _caller;
    }
}
