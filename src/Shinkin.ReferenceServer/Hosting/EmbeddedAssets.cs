namespace Shinkin.ReferenceServer.Hosting;

/// <summary>site.css and site.js ship inside the assembly, so any host process can serve them.</summary>
public static class EmbeddedAssets
{
    private static readonly (string Path, string Resource, string ContentType)[] Assets =
    [
        ("/assets/site.css", "Assets/site.css", "text/css; charset=utf-8"),
        ("/assets/site.js", "Assets/site.js", "text/javascript; charset=utf-8"),
    ];

    public static void MapEmbeddedAssets(this WebApplication app)
    {
        foreach (var (path, resource, contentType) in Assets)
        {
            app.MapGet(path, async context =>
            {
                await using var stream = typeof(EmbeddedAssets).Assembly.GetManifestResourceStream(resource)
                    ?? throw new InvalidOperationException($"Missing embedded asset {resource}");
                context.Response.ContentType = contentType;
                context.Response.Headers.CacheControl = "public, max-age=300";
                await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
            });
        }
    }
}
