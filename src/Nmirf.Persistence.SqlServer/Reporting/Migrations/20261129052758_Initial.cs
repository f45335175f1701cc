using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nmirf.Persistence.SqlServer.Reporting.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "reporting");

            migrationBuilder.CreateTable(
                name: "ReportingCycles",
                schema: "reporting",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CountryCode = table.Column<string>(type: "nchar(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Instrument = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ReportFrom = table.Column<int>(type: "int", nullable: false),
                    ReportTo = table.Column<int>(type: "int", nullable: false),
                    Procedure = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Symbol = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: true),
                    ListOfIssuesOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ListOfIssuesSymbol = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: true),
                    RepliesOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RepliesSymbol = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: true),
                    DialogueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DialogueEndOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConcludingObservationsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConcludingObservationsSymbol = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FollowUpDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FollowUpSubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Source = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Notes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportingCycles", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportingCycles_CountryCode_Body_Instrument_ReportFrom",
                schema: "reporting",
                table: "ReportingCycles",
                columns: new[] { "CountryCode", "Body", "Instrument", "ReportFrom" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportingCycles",
                schema: "reporting");
        }
    }
}
