using System.CommandLine;
using System.Globalization;
using Mediator;
using Nmirf.Accounts;
using Nmirf.Accounts.Tokens;
using Nmirf.Accounts.Users;
using Nmirf.BuildingBlocks.Auditing;
using Nmirf.BuildingBlocks.Countries;
using Nmirf.BuildingBlocks.Errors;

namespace Nmirf.Host.Cli;

/// <summary><c>nmirf users ...</c>, <c>nmirf tokens ...</c> and <c>nmirf audit list</c>: the CLI acts with the rights of whoever runs it.</summary>
internal static class AccountCommands
{
    public static Command Users(TextWriter stdout, TextWriter stderr)
    {
        var email = new Option<string>("--email") { Description = "The person's e-mail address.", Required = true };
        var name = new Option<string?>("--name") { Description = "The person's name." };
        var country = new Option<string?>("--country") { Description = "ISO 3166-1 alpha-3 code." };
        var createAdmin = new Command("create-admin", "Create the first administrator (of a country, or of the whole network without --country) and print a token for them, once.")
        {
            email, name, country,
        };
        createAdmin.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var sender = services.GetRequiredService<ISender>();
            var code = parsed.GetValue(country);
            if (code is not null && CountryCodes.Problem(code) is { } problem)
            {
                return await Output.FailAsync(stderr, "--country", [new Error("", problem)]);
            }

            // The country first: a refused grant must not leave an account behind.
            if (code is not null && await sender.Send(new Nmirf.Mandates.Countries.GetCountry(code), token) is { IsSuccess: false } missing)
            {
                return await Output.FailAsync(stderr, "--country", missing.Errors);
            }

            var user = await sender.Send(new CreateUser(parsed.GetValue(email), parsed.GetValue(name), NetworkAdministrator: code is null), token);
            if (!user.IsSuccess)
            {
                return await Output.FailAsync(stderr, "--email", user.Errors);
            }

            if (code is not null)
            {
                var granted = await sender.Send(new GrantRole(user.Value.Email, code, CountryRole.Administrator, null), token);
                if (!granted.IsSuccess)
                {
                    return await Output.FailAsync(stderr, "--country", granted.Errors);
                }
            }

            var created = await sender.Send(new CreateToken(user.Value.Id, "first run"), token);
            await stdout.WriteLineAsync($"Created {(code is null ? "network administrator" : $"administrator of {code}")} {user.Value.Email}.");
            await stdout.WriteLineAsync($"Access token (shown once; keep it secret): {created.Value.Secret}");
            await stdout.WriteLineAsync("Use it as: curl -H \"Authorization: Bearer <token>\" http://127.0.0.1:5080/countries");
            return CliApp.Done;
        }, ct));

        var listCountry = new Option<string?>("--country") { Description = "Only the people holding a role in this country." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var list = new Command("list", "List the people and their roles.") { listCountry, json };
        list.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var users = await services.GetRequiredService<ISender>().Send(new ListUsers(parsed.GetValue(listCountry)), token);
            if (parsed.GetValue(json))
            {
                await Output.WriteJsonAsync(stdout, users);
                return CliApp.Done;
            }

            await Output.WriteTableAsync(stdout, ["E-MAIL", "NAME", "ROLES", "STATE"], users.Select(u => new[]
            {
                u.Email, u.Name,
                string.Join(", ", (u.NetworkAdministrator ? ["network administrator"] : Array.Empty<string>()).Concat(u.Grants.Select(g => $"{g.Country} {g.Role}{(g.Institution is null ? "" : $" ({g.Institution})")}"))),
                string.Join(" ", new[] { u.LockedOut ? "locked out" : null, u.Demo ? "demo" : null }.Where(x => x is not null)),
            }));
            return CliApp.Done;
        }, ct));

        var role = new Option<CountryRole>("--role") { Description = "Administrator, Drafter, FocalPoint or Viewer.", Required = true };
        var institution = new Option<string?>("--institution") { Description = "For a focal point: the code of their institution." };
        var roleCountry = new Option<string>("--country") { Description = "ISO 3166-1 alpha-3 code.", Required = true };
        var invite = new Command("invite", "Create an account with a role in a country and print the one-time code to set its password.") { email, name, roleCountry, role, institution };
        invite.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var result = await services.GetRequiredService<ISender>().Send(
                new InviteUser(parsed.GetValue(email), parsed.GetValue(name), parsed.GetValue(roleCountry)!, parsed.GetValue(role), parsed.GetValue(institution)), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, "users invite", result.Errors);
            }

            await stdout.WriteLineAsync($"Invited {result.Value.User.Email}. Send them this one-time code; they set their password with POST /auth/accept-invitation {{ email, code, password }}:");
            await stdout.WriteLineAsync(result.Value.SetupCode);
            return CliApp.Done;
        }, ct));

        var grant = new Command("grant", "Give a person a role in a country.") { email, roleCountry, role, institution };
        grant.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
            await Report(stdout, stderr, "users grant", await services.GetRequiredService<ISender>().Send(
                new GrantRole(parsed.GetValue(email), parsed.GetValue(roleCountry)!, parsed.GetValue(role), parsed.GetValue(institution)), token)), ct));

        var revokeRole = new Option<CountryRole?>("--role") { Description = "The role to take away; every role in the country when omitted." };
        var revoke = new Command("revoke", "Take a role (or every role) in a country away from a person.") { email, roleCountry, revokeRole };
        revoke.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
            await Report(stdout, stderr, "users revoke", await services.GetRequiredService<ISender>().Send(
                new RevokeRole(parsed.GetValue(email), parsed.GetValue(roleCountry)!, parsed.GetValue(revokeRole)), token)), ct));

        return new Command("users", "People and their roles per country.") { createAdmin, list, invite, grant, revoke };
    }

    public static Command Tokens(TextWriter stdout, TextWriter stderr)
    {
        var email = new Option<string>("--email") { Description = "The owner's e-mail address.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for, such as 'laptop' or 'import script'.", Required = true };
        var days = new Option<int?>("--expires-in-days") { Description = "Days until the token expires (none when omitted)." };
        var create = new Command("create", "Create a personal access token and print its secret, once.") { email, name, days };
        create.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var owner = await FindAsync(services, parsed.GetValue(email)!, token);
            if (!owner.IsSuccess)
            {
                return await Output.FailAsync(stderr, "--email", owner.Errors);
            }

            var created = await services.GetRequiredService<ISender>().Send(new CreateToken(owner.Value.Id, parsed.GetValue(name), parsed.GetValue(days)), token);
            if (!created.IsSuccess)
            {
                return await Output.FailAsync(stderr, "tokens create", created.Errors);
            }

            await stdout.WriteLineAsync($"Token {created.Value.Token.Id} for {owner.Value.Email} (shown once; keep it secret):");
            await stdout.WriteLineAsync(created.Value.Secret);
            return CliApp.Done;
        }, ct));

        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var list = new Command("list", "List a person's tokens (never their secrets).") { email, json };
        list.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var owner = await FindAsync(services, parsed.GetValue(email)!, token);
            if (!owner.IsSuccess)
            {
                return await Output.FailAsync(stderr, "--email", owner.Errors);
            }

            var tokens = await services.GetRequiredService<ISender>().Send(new ListTokens(owner.Value.Id), token);
            if (parsed.GetValue(json))
            {
                await Output.WriteJsonAsync(stdout, tokens);
                return CliApp.Done;
            }

            static string? Day(DateTime? date) => date?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            await Output.WriteTableAsync(stdout, ["ID", "NAME", "PREFIX", "CREATED", "EXPIRES", "REVOKED"],
                tokens.Select(t => new[] { t.Id.ToString(), t.Name, t.Prefix, Day(t.CreatedAt), Day(t.ExpiresAt), Day(t.RevokedAt) }));
            return CliApp.Done;
        }, ct));

        var id = new Argument<Guid>("id") { Description = "The token's id, from `nmirf tokens list`." };
        var revoke = new Command("revoke", "Revoke a token; it is refused from the next request on.") { email, id };
        revoke.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var owner = await FindAsync(services, parsed.GetValue(email)!, token);
            if (!owner.IsSuccess)
            {
                return await Output.FailAsync(stderr, "--email", owner.Errors);
            }

            var revoked = await services.GetRequiredService<ISender>().Send(new RevokeToken(owner.Value.Id, parsed.GetValue(id)), token);
            if (!revoked.IsSuccess)
            {
                return await Output.FailAsync(stderr, "tokens revoke", revoked.Errors);
            }

            await stdout.WriteLineAsync($"Revoked token {revoked.Value.Id} ({revoked.Value.Name}).");
            return CliApp.Done;
        }, ct));

        return new Command("tokens", "Personal access tokens for the API.") { create, list, revoke };
    }

    public static Command Audit(TextWriter stdout, TextWriter stderr)
    {
        var country = new Option<string?>("--country") { Description = "Only this country's changes." };
        var since = new Option<DateTime?>("--since") { Description = "Only changes at or after this time (UTC), such as 2026-11-01." };
        var take = new Option<int>("--take") { Description = $"At most this many entries, newest first (up to {AuditLog.MaxPage}).", DefaultValueFactory = _ => 100 };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var list = new Command("list", "The audit log: every change, who made it, when, and the values before and after.") { country, since, take, json };
        list.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var code = parsed.GetValue(country);
            if (code is not null && CountryCodes.Problem(code) is { } problem)
            {
                return await Output.FailAsync(stderr, "--country", [new Error("", problem)]);
            }

            var sinceValue = parsed.GetValue(since);
            var entries = await AuditLog.ListAsync(services.GetRequiredService<AuditDbContext>(), code,
                sinceValue is { } s ? DateTime.SpecifyKind(s, DateTimeKind.Utc) : null, null, parsed.GetValue(take), token);
            if (parsed.GetValue(json))
            {
                await Output.WriteJsonAsync(stdout, entries);
                return CliApp.Done;
            }

            await Output.WriteTableAsync(stdout, ["WHEN (UTC)", "WHO", "COUNTRY", "ACTION", "WHAT", "CHANGES"], entries.Select(e => new[]
            {
                e.OccurredAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.Actor, e.Country, e.Action, $"{e.Entity} {e.EntityId}",
                (e.After ?? e.Before)?.GetRawText() is { } raw && raw.Length > 80 ? raw[..77] + "..." : (e.After ?? e.Before)?.GetRawText(),
            }));
            return CliApp.Done;
        }, ct));
        return new Command("audit", "The append-only audit log.") { list };
    }

    private static async Task<Result<UserDto>> FindAsync(IServiceProvider services, string email, CancellationToken token)
    {
        var users = await services.GetRequiredService<ISender>().Send(new ListUsers(), token);
        return users.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase)) is { } user
            ? user
            : Error.NotFound("email", $"no account for '{email}'");
    }

    private static async Task<int> Report(TextWriter stdout, TextWriter stderr, string verb, Result<UserDto> result)
    {
        if (!result.IsSuccess)
        {
            return await Output.FailAsync(stderr, verb, result.Errors);
        }

        var u = result.Value;
        await stdout.WriteLineAsync($"{u.Email}: {(u.Grants.Count == 0 ? "no roles" : string.Join(", ", u.Grants.Select(g => $"{g.Country} {g.Role}{(g.Institution is null ? "" : $" ({g.Institution})")}")))}");
        return CliApp.Done;
    }
}
