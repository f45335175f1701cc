using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nmirf.Workflows.Engine;

namespace Nmirf.Workflows.Tests.Engine;

/// <summary>The engine's settings: out of range, refused at start with the key that is wrong.</summary>
public sealed class SettingsTests
{
    [Fact]
    public void Defaults_HaveNoProblem() => Assert.Empty(new WorkflowSettings().Problems());

    [Theory]
    [InlineData("PollInterval", "00:00:00")]
    [InlineData("RetryInterval", "-00:00:01")]
    [InlineData("LockLease", "00:00:00")]
    [InlineData("LockWait", "-00:00:01")]
    [InlineData("LeaseHold", "-00:00:00.001")]
    [InlineData("IdleTime", "-00:00:00.005")]
    [InlineData("IdleTime", "00:00:02")]
    [InlineData("MaxConcurrentWorkflows", "0")]
    public void OutOfRange_IsRefusedWithItsKey(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"Workflows:{key}"] = value }).Build();
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddWorkflowsModule(configuration));

        Assert.StartsWith($"Workflows:{key} '", error.Message, StringComparison.Ordinal);
        Assert.Empty(services);
    }
}
