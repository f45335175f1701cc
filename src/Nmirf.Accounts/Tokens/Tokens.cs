using System.Security.Cryptography;
using System.Text;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nmirf.Accounts.Model;
using Nmirf.BuildingBlocks.Errors;

namespace Nmirf.Accounts.Tokens;

/// <summary>Creates a personal access token for a person; its secret is returned this once.</summary>
public sealed record CreateToken(Guid UserId, string? Name, int? ExpiresInDays = null) : ICommand<Result<CreatedToken>>;

/// <summary>A person's tokens, newest first; never their secrets.</summary>
public sealed record ListTokens(Guid UserId) : IQuery<IReadOnlyList<TokenDto>>;

/// <summary>Revokes a token of <paramref name="UserId"/>; a revoked token is refused from the next request on.</summary>
public sealed record RevokeToken(Guid UserId, Guid TokenId) : ICommand<Result<TokenDto>>;

/// <summary>The person a token secret belongs to, or null when the token is unknown, revoked, expired, or its owner locked out.</summary>
public sealed record AuthenticateToken(string Secret) : IQuery<(Guid UserId, Guid TokenId, string TokenName)?>;

internal sealed class TokenHandlers(AccountsDbContext db, TimeProvider clock) :
    ICommandHandler<CreateToken, Result<CreatedToken>>,
    IQueryHandler<ListTokens, IReadOnlyList<TokenDto>>,
    ICommandHandler<RevokeToken, Result<TokenDto>>,
    IQueryHandler<AuthenticateToken, (Guid UserId, Guid TokenId, string TokenName)?>
{
    public const string SecretPrefix = "nmirf_";
    private const int MaxLifetimeDays = 3650;

    public async ValueTask<Result<CreatedToken>> Handle(CreateToken command, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        if (errors.Required("name", command.Name))
        {
            errors.MaxLength("name", command.Name, 100);
        }

        if (command.ExpiresInDays is < 1 or > MaxLifetimeDays)
        {
            errors.Add("expiresInDays", $"must be between 1 and {MaxLifetimeDays} days");
        }

        if (errors.HasErrors)
        {
            return Result<CreatedToken>.Failure(errors.Errors);
        }

        if (!await db.Users.AnyAsync(u => u.Id == command.UserId, cancellationToken))
        {
            return Error.NotFound("user", $"no account '{command.UserId}'");
        }

        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new AccessToken
        {
            UserId = command.UserId,
            Name = command.Name!.Trim(),
            Hash = Hash(secret),
            Prefix = secret[..12],
            CreatedAt = now,
            ExpiresAt = command.ExpiresInDays is { } days ? now.AddDays(days) : null,
        };
        db.Tokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedToken(View(token), secret);
    }

    public async ValueTask<IReadOnlyList<TokenDto>> Handle(ListTokens query, CancellationToken cancellationToken)
    {
        var tokens = await db.Tokens.AsNoTracking().Where(t => t.UserId == query.UserId).OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);
        return tokens.Select(View).ToList();
    }

    public async ValueTask<Result<TokenDto>> Handle(RevokeToken command, CancellationToken cancellationToken)
    {
        var token = await db.Tokens.SingleOrDefaultAsync(t => t.Id == command.TokenId && t.UserId == command.UserId, cancellationToken);
        if (token is null)
        {
            return Error.NotFound("id", $"no token '{command.TokenId}' of this account");
        }

        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return View(token);
    }

    public async ValueTask<(Guid UserId, Guid TokenId, string TokenName)?> Handle(AuthenticateToken query, CancellationToken cancellationToken)
    {
        if (!query.Secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || query.Secret.Length > 100)
        {
            return null;
        }

        var hash = Hash(query.Secret);
        var now = clock.GetUtcNow();
        var found = await db.Tokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { t.Id, t.UserId, t.Name, t.ExpiresAt, u.LockoutEnd })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || (found.ExpiresAt is { } expires && expires <= now.UtcDateTime) || (found.LockoutEnd is { } end && end > now))
        {
            return null;
        }

        return (found.UserId, found.Id, found.Name);
    }

    internal static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static TokenDto View(AccessToken token) => new(token.Id, token.Name, token.Prefix, token.CreatedAt, token.ExpiresAt, token.RevokedAt);
}
