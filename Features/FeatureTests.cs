using NUnit.Framework;
using Shinkin.Reqnroll.NUnit;

[assembly: LevelOfParallelism(2)]

namespace Shinkin.Features;

/// <summary>Every .feature below this folder becomes NUnit tests run through Reqnroll (see src/Shinkin.Reqnroll.NUnit).</summary>
[Parallelizable(ParallelScope.Children)]
public sealed class FeatureTests : ReqnrollFeatureTests;
