using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Shinkin.ReferenceServer.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the server.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ShinkinDbContext>
{
    public ShinkinDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ShinkinDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .Options;
        return new ShinkinDbContext(options);
    }
}
