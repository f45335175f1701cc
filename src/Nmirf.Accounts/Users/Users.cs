using System.Net.Mail;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nmirf.Accounts.Model;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Mandates.Countries;
using Nmirf.Mandates.Institutions;

namespace Nmirf.Accounts.Users;

/// <summary>Creates a person; a network administrator may manage every country.</summary>
public sealed record CreateUser(string? Email, string? Name, bool NetworkAdministrator = false, string? Password = null, bool Demo = false) : ICommand<Result<UserDto>>;

/// <summary>Creates the person if needed, grants the role, and returns a one-time code to set a password.</summary>
public sealed record InviteUser(string? Email, string? Name, string Country, CountryRole? Role, string? Institution) : ICommand<Result<Invitation>>;

/// <summary>Sets the password of an invited person with the code they received.</summary>
public sealed record AcceptInvitation(string? Email, string? Code, string? Password) : ICommand<Result<UserDto>>;

/// <summary>Gives a person a role in a country; a focal point's role names their institution.</summary>
public sealed record GrantRole(string? Email, string Country, CountryRole? Role, string? Institution) : ICommand<Result<UserDto>>;

/// <summary>Takes a role (or, without one, every role) in a country away from a person.</summary>
public sealed record RevokeRole(string? Email, string Country, CountryRole? Role) : ICommand<Result<UserDto>>;

/// <summary>The people of a country (those holding a role in it), or of the whole deployment.</summary>
public sealed record ListUsers(string? Country = null) : IQuery<IReadOnlyList<UserDto>>;

public sealed record GetUser(Guid Id) : IQuery<Result<UserDto>>;

/// <summary>Who a signed-in person is and what they hold, for the authorization checks.</summary>
public sealed record GetCaller(Guid UserId) : IQuery<Caller?>;

internal sealed class UserHandlers(AccountsDbContext db, UserManager<User> users, ISender sender, TimeProvider clock) :
    ICommandHandler<CreateUser, Result<UserDto>>,
    ICommandHandler<InviteUser, Result<Invitation>>,
    ICommandHandler<AcceptInvitation, Result<UserDto>>,
    ICommandHandler<GrantRole, Result<UserDto>>,
    ICommandHandler<RevokeRole, Result<UserDto>>,
    IQueryHandler<ListUsers, IReadOnlyList<UserDto>>,
    IQueryHandler<GetUser, Result<UserDto>>,
    IQueryHandler<GetCaller, Caller?>
{
    public async ValueTask<Result<UserDto>> Handle(CreateUser command, CancellationToken cancellationToken)
    {
        if (EmailProblem(command.Email) is { } problem)
        {
            return problem;
        }

        if (await users.FindByEmailAsync(command.Email!) is not null)
        {
            return Error.Conflict("email", $"'{command.Email}' already has an account");
        }

        var user = new User
        {
            Id = Guid.CreateVersion7(),
            Email = command.Email!.Trim(),
            UserName = command.Email.Trim(),
            DisplayName = string.IsNullOrWhiteSpace(command.Name) ? null : command.Name.Trim(),
            NetworkAdministrator = command.NetworkAdministrator,
            Demo = command.Demo,
            EmailConfirmed = true,
            LockoutEnabled = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = command.Password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, command.Password);
        return created.Succeeded ? await ViewAsync(user, cancellationToken) : Failure(created, command.Password is null ? "email" : "password");
    }

    public async ValueTask<Result<Invitation>> Handle(InviteUser command, CancellationToken cancellationToken)
    {
        var user = command.Email is null ? null : await users.FindByEmailAsync(command.Email);
        if (user is null)
        {
            var created = await Handle(new CreateUser(command.Email, command.Name), cancellationToken);
            if (!created.IsSuccess)
            {
                return Result<Invitation>.Failure(created.Errors);
            }

            user = await users.FindByIdAsync(created.Value.Id.ToString());
        }

        var granted = await Handle(new GrantRole(command.Email, command.Country, command.Role, command.Institution), cancellationToken);
        if (!granted.IsSuccess)
        {
            return Result<Invitation>.Failure(granted.Errors);
        }

        var code = await users.GeneratePasswordResetTokenAsync(user!);
        return new Invitation(granted.Value, code);
    }

    public async ValueTask<Result<UserDto>> Handle(AcceptInvitation command, CancellationToken cancellationToken)
    {
        var user = command.Email is null ? null : await users.FindByEmailAsync(command.Email);
        if (user is null || string.IsNullOrEmpty(command.Code))
        {
            return new Error("code", "this invitation code is not valid for this e-mail address");
        }

        var reset = await users.ResetPasswordAsync(user, command.Code, command.Password ?? "");
        return reset.Succeeded ? await ViewAsync(user, cancellationToken) : Failure(reset, "password");
    }

    public async ValueTask<Result<UserDto>> Handle(GrantRole command, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        if (command.Role is null)
        {
            errors.Add("role", $"is required: one of {string.Join(", ", Enum.GetNames<CountryRole>())}");
        }
        else if (command.Role == CountryRole.FocalPoint && string.IsNullOrWhiteSpace(command.Institution))
        {
            errors.Add("institution", "is required for a focal point: the code of the institution they act for");
        }
        else if (command.Role != CountryRole.FocalPoint && !string.IsNullOrWhiteSpace(command.Institution))
        {
            errors.Add("institution", "is only given for a focal point");
        }

        if (errors.HasErrors)
        {
            return errors.ToResult<UserDto>(() => throw new InvalidOperationException());
        }

        var user = await FindAsync(command.Email);
        if (user is null)
        {
            return Error.NotFound("email", $"no account for '{command.Email}'");
        }

        var country = await sender.Send(new GetCountry(command.Country), cancellationToken);
        if (!country.IsSuccess)
        {
            return Result<UserDto>.Failure(country.Errors);
        }

        if (command.Role == CountryRole.FocalPoint)
        {
            var institution = await sender.Send(new GetInstitution(command.Country, command.Institution!), cancellationToken);
            if (!institution.IsSuccess)
            {
                return new Error("institution", $"no institution '{command.Institution}' in {command.Country}");
            }
        }

        var existing = await db.Grants.IgnoreQueryFilters().SingleOrDefaultAsync(g => g.UserId == user.Id && g.CountryCode == command.Country && g.Role == command.Role, cancellationToken);
        if (existing is null)
        {
            db.Grants.Add(new Grant { UserId = user.Id, CountryCode = command.Country, Role = command.Role!.Value, Institution = command.Institution?.Trim() });
        }
        else
        {
            existing.Institution = command.Institution?.Trim();
        }

        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(user, cancellationToken);
    }

    public async ValueTask<Result<UserDto>> Handle(RevokeRole command, CancellationToken cancellationToken)
    {
        var user = await FindAsync(command.Email);
        if (user is null)
        {
            return Error.NotFound("email", $"no account for '{command.Email}'");
        }

        var grants = await db.Grants.IgnoreQueryFilters()
            .Where(g => g.UserId == user.Id && g.CountryCode == command.Country && (command.Role == null || g.Role == command.Role))
            .ToListAsync(cancellationToken);
        if (grants.Count == 0)
        {
            return Error.NotFound("role", $"'{command.Email}' holds no {(command.Role is { } role ? role.ToString() : "role")} in {command.Country}");
        }

        db.Grants.RemoveRange(grants);
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(user, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<UserDto>> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        var people = db.Users.AsNoTracking();
        if (query.Country is { } country)
        {
            var ids = db.Grants.IgnoreQueryFilters().Where(g => g.CountryCode == country).Select(g => g.UserId);
            people = people.Where(u => ids.Contains(u.Id));
        }

        var list = await people.OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var userIds = list.Select(u => u.Id).ToList();
        var grants = await db.Grants.IgnoreQueryFilters().AsNoTracking().Where(g => userIds.Contains(g.UserId)).ToListAsync(cancellationToken);
        return list.Select(u => View(u, grants.Where(g => g.UserId == u.Id))).ToList();
    }

    public async ValueTask<Result<UserDto>> Handle(GetUser query, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == query.Id, cancellationToken);
        return user is null ? Error.NotFound("id", $"no account '{query.Id}'") : await ViewAsync(user, cancellationToken);
    }

    public async ValueTask<Caller?> Handle(GetCaller query, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == query.UserId, cancellationToken);
        if (user is null || (user.LockoutEnd is { } end && end > clock.GetUtcNow()))
        {
            return null;
        }

        var view = await ViewAsync(user, cancellationToken);
        return new Caller(user.Id, user.Email!, user.NetworkAdministrator, view.Grants);
    }

    private async Task<User?> FindAsync(string? email) => string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());

    private async Task<UserDto> ViewAsync(User user, CancellationToken cancellationToken)
    {
        var grants = await db.Grants.IgnoreQueryFilters().AsNoTracking().Where(g => g.UserId == user.Id).ToListAsync(cancellationToken);
        return View(user, grants);
    }

    private UserDto View(User user, IEnumerable<Grant> grants) => new(
        user.Id,
        user.Email!,
        user.DisplayName,
        user.NetworkAdministrator,
        user.Demo,
        user.LockoutEnd is { } end && end > clock.GetUtcNow(),
        grants.OrderBy(g => g.CountryCode, StringComparer.Ordinal).ThenBy(g => g.Role).Select(g => new GrantDto(g.CountryCode, g.Role, g.Institution)).ToList());

    private static Error? EmailProblem(string? email) =>
        string.IsNullOrWhiteSpace(email) ? new Error("email", "is required")
        : !MailAddress.TryCreate(email.Trim(), out var address) || address.Address != email.Trim() || !email.Contains('.', StringComparison.Ordinal) ? new Error("email", $"'{email}' is not an e-mail address")
        : null;

    private static Result<UserDto> Failure(IdentityResult result, string field) =>
        Result<UserDto>.Failure(result.Errors.Select(e => new Error(field, e.Description)).ToList());
}
