using NUnit.Framework;
using Shinkin.Reqnroll.NUnit;

[assembly: LevelOfParallelism(2)]

namespace Shinkin.Features;

/// <summary>Every .feature below this folder becomes NUnit tests run through Reqnroll (see src/Shinkin.Reqnroll.NUnit).</summary>
/// <remarks>
/// Applied to every feature fixture: features run side by side on the workers, while the scenarios
/// of one feature take turns because the bridge keeps one Reqnroll feature context per feature.
/// </remarks>
[Parallelizable(ParallelScope.Self)]
public sealed class FeatureTests : ReqnrollFeatureTests;
