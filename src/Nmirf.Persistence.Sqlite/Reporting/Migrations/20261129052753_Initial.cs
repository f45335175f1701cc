using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nmirf.Persistence.Sqlite.Reporting.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reporting_ReportingCycles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Instrument = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReportFrom = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportTo = table.Column<int>(type: "INTEGER", nullable: false),
                    Procedure = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Symbol = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    ListOfIssuesOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ListOfIssuesSymbol = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    RepliesOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RepliesSymbol = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    DialogueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DialogueEndOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConcludingObservationsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConcludingObservationsSymbol = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FollowUpDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FollowUpSubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_ReportingCycles", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_ReportingCycles_CountryCode_Body_Instrument_ReportFrom",
                table: "reporting_ReportingCycles",
                columns: new[] { "CountryCode", "Body", "Instrument", "ReportFrom" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reporting_ReportingCycles");
        }
    }
}
