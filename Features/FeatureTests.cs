using NUnit.Framework;
using Shinkin.Reqnroll.NUnit;

[assembly: LevelOfParallelism(2)]

namespace Shinkin.Features;

/// <summary>Every .feature below this folder becomes NUnit tests run through Reqnroll (see src/Shinkin.Reqnroll.NUnit).</summary>
/// <remarks>
/// Applied to every feature fixture: features and their scenarios run side by side on the workers. The step definitions
/// have no [BeforeFeature]/[AfterFeature] hook, so the bridge runs a feature's scenarios on runners of their own
/// (a feature a hook applied to would take turns on one runner, so that its hooks fire once).
/// </remarks>
[Parallelizable(ParallelScope.All)]
public sealed class FeatureTests : ReqnrollFeatureTests;
