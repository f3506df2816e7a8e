using System.Text.Json;

namespace Shinkin.Grid;

/// <summary>What a Grid's GET /status says: ready or not, and each node with its slots and the sessions in them.</summary>
public sealed record GridStatus(bool Ready, string Message, IReadOnlyList<GridNode> Nodes)
{
    /// <summary>Ready, with a node that is up and has slots: a new session will be given a browser.</summary>
    public bool AcceptsSessions => Ready && Nodes.Any(n => n.Availability == "UP" && n.Slots > 0);

    /// <summary>The ids of the sessions running on any node.</summary>
    public IReadOnlyList<string> SessionIds => [.. Nodes.SelectMany(n => n.SessionIds)];

    /// <summary>Reads the W3C status document of Selenium Grid 4 (`{"value": {"ready": …, "nodes": [...]}}`).</summary>
    public static GridStatus Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var value = document.RootElement.GetProperty("value");
        var nodes = value.TryGetProperty("nodes", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(ParseNode).ToList()
            : [];
        return new GridStatus(
            value.TryGetProperty("ready", out var ready) && ready.ValueKind == JsonValueKind.True,
            value.TryGetProperty("message", out var message) ? message.GetString() ?? "" : "",
            nodes);
    }

    private static GridNode ParseNode(JsonElement node)
    {
        var slots = node.TryGetProperty("slots", out var s) && s.ValueKind == JsonValueKind.Array ? s.EnumerateArray().ToList() : [];
        var sessions = slots
            .Where(slot => slot.TryGetProperty("session", out var session) && session.ValueKind == JsonValueKind.Object)
            .Select(slot => slot.GetProperty("session").GetProperty("sessionId").GetString() ?? "")
            .ToList();
        return new GridNode(
            new Uri(node.GetProperty("uri").GetString() ?? ""),
            node.TryGetProperty("availability", out var availability) ? availability.GetString() ?? "" : "",
            slots.Count,
            sessions);
    }
}

/// <summary>One node of a Grid: where it is, UP/DOWN/DRAINING, how many slots, the sessions running in them.</summary>
public sealed record GridNode(Uri Uri, string Availability, int Slots, IReadOnlyList<string> SessionIds);
