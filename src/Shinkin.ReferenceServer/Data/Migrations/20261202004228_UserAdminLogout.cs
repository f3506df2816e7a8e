using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shinkin.ReferenceServer.Data.Migrations
{
    /// <inheritdoc />
    public partial class UserAdminLogout : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "UserAdminClosed",
                table: "CustomerSessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "UserAdminClosed",
                table: "CustomerSessions");
        }
    }
}
