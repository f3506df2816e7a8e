using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;
using Shinkin.ReferenceServer.Configuration;

namespace Shinkin.ReferenceServer.Pages;

/// <summary>
/// The one place that honours "ReferenceServer:TestHooks": when it is false, every element written in a page
/// loses its <c>data-testid</c> and <c>data-screen</c> attributes (registered in Pages/_ViewImports.cshtml).
/// Behaviour never depends on them: site.js and site.css use ids, classes and their own data-* attributes.
/// </summary>
[HtmlTargetElement(Attributes = TestIdAttribute)]
[HtmlTargetElement(Attributes = ScreenAttribute)]
public sealed class TestHookTagHelper(IOptions<TestHookSettings> settings) : TagHelper
{
    public const string TestIdAttribute = "data-testid";
    public const string ScreenAttribute = "data-screen";

    /// <summary>After the framework's tag helpers, which may copy attributes.</summary>
    public override int Order => int.MaxValue;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (settings.Value.TestHooks)
        {
            return;
        }

        output.Attributes.RemoveAll(TestIdAttribute);
        output.Attributes.RemoveAll(ScreenAttribute);
    }
}
