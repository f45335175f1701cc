using System.Text.RegularExpressions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Recommendations.Model;

namespace Nmirf.Recommendations.Use;

/// <summary>A cluster of recommendations (the OHCHR practice of grouping them by theme for a follow-up plan), with its size.</summary>
public sealed record ClusterView(string Code, string Name, string? Description, int Recommendations);

public sealed record ListClusters(string Country) : IQuery<IReadOnlyList<ClusterView>>;

/// <summary>Creates a cluster or renames it; the code is its key within the country.</summary>
public sealed record SaveCluster(string Country, string? Code, string? Name, string? Description) : ICommand<Result<ClusterView>>;

/// <summary>Adds recommendations to a cluster, and removes others from it.</summary>
public sealed record ChangeClusterMembers(string Country, string Code, IReadOnlyList<Guid> Add, IReadOnlyList<Guid> Remove) : ICommand<Result<ClusterView>>;

internal sealed partial class ClusterHandlers(RecommendationsDbContext db) :
    IQueryHandler<ListClusters, IReadOnlyList<ClusterView>>,
    ICommandHandler<SaveCluster, Result<ClusterView>>,
    ICommandHandler<ChangeClusterMembers, Result<ClusterView>>
{
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")]
    private static partial Regex CodePattern();

    public async ValueTask<IReadOnlyList<ClusterView>> Handle(ListClusters query, CancellationToken cancellationToken) =>
        await db.Clusters.AsNoTracking().Where(c => c.CountryCode == query.Country).OrderBy(c => c.Code)
            .Select(c => new ClusterView(c.Code, c.Name, c.Description, c.Members.Count)).ToListAsync(cancellationToken);

    public async ValueTask<Result<ClusterView>> Handle(SaveCluster command, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        if (errors.Required("code", command.Code) && !CodePattern().IsMatch(command.Code!))
        {
            errors.Add("code", $"'{command.Code}' is not a valid code: 1 to 40 lower-case letters, digits and inner hyphens");
        }

        if (errors.Required("name", command.Name))
        {
            errors.MaxLength("name", command.Name, 300);
        }

        errors.MaxLength("description", command.Description, 2000);
        if (errors.HasErrors)
        {
            return Result<ClusterView>.Failure(errors.Errors);
        }

        var cluster = await db.Clusters.Include(c => c.Members).SingleOrDefaultAsync(c => c.CountryCode == command.Country && c.Code == command.Code, cancellationToken);
        if (cluster is null)
        {
            cluster = new Cluster { CountryCode = command.Country, Code = command.Code! };
            db.Clusters.Add(cluster);
        }

        cluster.Name = command.Name!.Trim();
        cluster.Description = string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return new ClusterView(cluster.Code, cluster.Name, cluster.Description, cluster.Members.Count);
    }

    public async ValueTask<Result<ClusterView>> Handle(ChangeClusterMembers command, CancellationToken cancellationToken)
    {
        var cluster = await db.Clusters.Include(c => c.Members).SingleOrDefaultAsync(c => c.CountryCode == command.Country && c.Code == command.Code, cancellationToken);
        if (cluster is null)
        {
            return Error.NotFound("code", $"no cluster '{command.Code}' in {command.Country}");
        }

        var known = await db.Recommendations.Where(r => r.CountryCode == command.Country && command.Add.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        var unknown = command.Add.Except(known).ToList();
        if (unknown.Count > 0)
        {
            return Result<ClusterView>.Failure(unknown.Select(id => Error.NotFound("add", $"no recommendation '{id}' in {command.Country}")).ToList());
        }

        cluster.Members.RemoveAll(m => command.Remove.Contains(m.RecommendationId));
        foreach (var id in known.Where(id => cluster.Members.All(m => m.RecommendationId != id)).Distinct())
        {
            cluster.Members.Add(new ClusterMember { ClusterId = cluster.Id, RecommendationId = id });
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ClusterView(cluster.Code, cluster.Name, cluster.Description, cluster.Members.Count);
    }
}
