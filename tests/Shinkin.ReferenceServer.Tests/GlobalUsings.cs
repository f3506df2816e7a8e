global using NUnit.Framework;
global using Shinkin.ReferenceServer.Tests.Support;
