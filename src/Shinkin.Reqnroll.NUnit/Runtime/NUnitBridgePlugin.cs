using NUnit.Framework;
using Reqnroll;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;
using Shinkin.Reqnroll.NUnit.Runtime;

[assembly: RuntimePlugin(typeof(NUnitBridgePlugin))]

namespace Shinkin.Reqnroll.NUnit.Runtime;

/// <summary>
/// What the Reqnroll.NUnit plugin would register: NUnit as the unit test runtime, NUnit-aware tracing and attachments.
/// Found by Reqnroll because this assembly's file name ends in .ReqnrollPlugin.dll.
/// </summary>
public sealed class NUnitBridgePlugin : IRuntimePlugin
{
    internal const string ProviderName = "nunit";

    public void Initialize(
        RuntimePluginEvents runtimePluginEvents,
        RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        ArgumentNullException.ThrowIfNull(runtimePluginEvents);
        ArgumentNullException.ThrowIfNull(unitTestProviderConfiguration);

        // RegisterGlobalDependencies runs before Reqnroll resolves the provider by name;
        // CustomizeGlobalDependencies would be too late.
        runtimePluginEvents.RegisterGlobalDependencies += (_, e) =>
            e.ObjectContainer.RegisterTypeAs<NUnitRuntimeProvider, IUnitTestRuntimeProvider>(ProviderName);
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterTypeAs<NUnitTraceListener, ITraceListener>();
            e.ObjectContainer.RegisterTypeAs<NUnitAttachmentHandler, IReqnrollAttachmentHandler>();
        };
        unitTestProviderConfiguration.UseUnitTestProvider(ProviderName);
    }
}

/// <summary>Maps Reqnroll's pending / inconclusive / ignore outcomes onto NUnit results.</summary>
public sealed class NUnitRuntimeProvider : IUnitTestRuntimeProvider
{
    public void TestPending(string message) => Assert.Inconclusive(message);

    public void TestInconclusive(string message) => Assert.Inconclusive(message);

    public void TestIgnore(string message) => Assert.Ignore(message);

    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) => exception switch
    {
        InconclusiveException or IgnoreException => ScenarioExecutionStatus.Skipped,
        _ => null,
    };
}

/// <summary>Step trace lines go to the output of the NUnit test that is running them.</summary>
public sealed class NUnitTraceListener : ITraceListener
{
    public void WriteTestOutput(string message) => TestContext.Out.WriteLine(message);

    public void WriteToolOutput(string message) => TestContext.Out.WriteLine("-> " + message);
}

/// <summary><c>IReqnrollOutputHelper.AddAttachment</c> becomes an NUnit test attachment.</summary>
public sealed class NUnitAttachmentHandler : IReqnrollAttachmentHandler
{
    public void AddAttachment(string filePath) => TestContext.AddTestAttachment(filePath);
}
