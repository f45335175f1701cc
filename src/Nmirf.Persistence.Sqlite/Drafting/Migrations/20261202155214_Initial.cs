using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nmirf.Persistence.Sqlite.Drafting.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "drafting_Drafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Document = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Symbol = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Words = table.Column<int>(type: "INTEGER", nullable: true),
                    WordLimit = table.Column<int>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_drafting_Drafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "drafting_Templates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_drafting_Templates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_drafting_Drafts_CountryCode_CreatedAt",
                table: "drafting_Drafts",
                columns: new[] { "CountryCode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_drafting_Drafts_RequestKey",
                table: "drafting_Drafts",
                column: "RequestKey");

            migrationBuilder.CreateIndex(
                name: "IX_drafting_Templates_CountryCode_Name",
                table: "drafting_Templates",
                columns: new[] { "CountryCode", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "drafting_Drafts");

            migrationBuilder.DropTable(
                name: "drafting_Templates");
        }
    }
}
