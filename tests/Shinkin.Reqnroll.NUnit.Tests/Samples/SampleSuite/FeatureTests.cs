using NUnit.Framework;
using Shinkin.Reqnroll.NUnit;

[assembly: LevelOfParallelism(2)]

namespace Shinkin.Reqnroll.NUnit.Sample;

[Parallelizable(ParallelScope.All)]
public sealed class FeatureTests : ReqnrollFeatureTests;
