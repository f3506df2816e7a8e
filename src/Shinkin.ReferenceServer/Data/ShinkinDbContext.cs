using Microsoft.EntityFrameworkCore;

namespace Shinkin.ReferenceServer.Data;

public sealed class ShinkinDbContext(DbContextOptions<ShinkinDbContext> options) : DbContext(options)
{
    public DbSet<Company> Companies => Set<Company>();

    public DbSet<BankAccount> Accounts => Set<BankAccount>();

    public DbSet<CustomerUser> Users => Set<CustomerUser>();

    public DbSet<IssuedCertificate> Certificates => Set<IssuedCertificate>();

    public DbSet<CertificateAcquisition> CertificateAcquisitions => Set<CertificateAcquisition>();

    public DbSet<CustomerSession> CustomerSessions => Set<CustomerSession>();

    public DbSet<StaffSession> StaffSessions => Set<StaffSession>();

    public DbSet<StaffAccount> StaffAccounts => Set<StaffAccount>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Company>(e =>
        {
            e.HasIndex(c => c.CompanyNumber).IsUnique();
            e.Property(c => c.CompanyNumber).HasMaxLength(16);
            e.Property(c => c.Name).HasMaxLength(100);
        });
        modelBuilder.Entity<BankAccount>(e =>
        {
            e.HasOne(a => a.Company).WithMany(c => c.Accounts).HasForeignKey(a => a.CompanyId);
        });
        modelBuilder.Entity<CustomerUser>(e =>
        {
            e.HasIndex(u => u.LoginId).IsUnique();
            e.HasOne(u => u.Company).WithMany(c => c.Users).HasForeignKey(u => u.CompanyId);
            e.Property(u => u.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(u => u.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<IssuedCertificate>(e =>
        {
            e.HasIndex(c => c.Thumbprint).IsUnique();
            e.HasOne(c => c.User).WithMany(u => u.Certificates).HasForeignKey(c => c.UserId);
        });
        modelBuilder.Entity<CertificateAcquisition>(e =>
        {
            e.HasIndex(a => a.TokenHash).IsUnique();
            e.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId);
        });
        modelBuilder.Entity<CustomerSession>(e =>
        {
            e.HasIndex(s => s.TokenHash).IsUnique();
            e.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId);
        });
        modelBuilder.Entity<StaffSession>(e => e.HasIndex(s => s.TokenHash).IsUnique());
        modelBuilder.Entity<StaffAccount>(e =>
        {
            e.HasIndex(a => a.StaffId).IsUnique();
            e.Property(a => a.StaffId).HasMaxLength(64);
        });
        modelBuilder.Entity<AuditEntry>(e => e.HasIndex(a => a.At));
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // The original Version stays in the WHERE clause, so a concurrent writer's update affects no row and EF throws.
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<CustomerUser>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = entry.Property(u => u.Version).OriginalValue + 1;
            }
        }
    }
}
