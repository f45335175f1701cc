using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nmirf.Persistence.Sqlite.Mandates.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mandates_Countries",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WorkingLanguages = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mandates_Countries", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "mandates_Institutions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Acronym = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mandates_Institutions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mandates_Institutions_mandates_Countries_CountryCode",
                        column: x => x.CountryCode,
                        principalTable: "mandates_Countries",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mandates_NationalMechanisms",
                columns: table => new
                {
                    CountryCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Acronym = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LegalBasisKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LegalBasisReference = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LegalBasisAdoptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LegalBasisUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Capacities = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mandates_NationalMechanisms", x => x.CountryCode);
                    table.ForeignKey(
                        name: "FK_mandates_NationalMechanisms_mandates_Countries_CountryCode",
                        column: x => x.CountryCode,
                        principalTable: "mandates_Countries",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mandates_Ratifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    Instrument = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DatePrecision = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    EntryIntoForce = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReservationsAndDeclarations = table.Column<string>(type: "TEXT", nullable: true),
                    AcceptsIndividualComplaints = table.Column<bool>(type: "INTEGER", nullable: true),
                    AcceptsInquiryProcedure = table.Column<bool>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mandates_Ratifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mandates_Ratifications_mandates_Countries_CountryCode",
                        column: x => x.CountryCode,
                        principalTable: "mandates_Countries",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mandates_FocalPoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Languages = table.Column<string>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mandates_FocalPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mandates_FocalPoints_mandates_Countries_CountryCode",
                        column: x => x.CountryCode,
                        principalTable: "mandates_Countries",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_mandates_FocalPoints_mandates_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "mandates_Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_mandates_FocalPoints_CountryCode_Email",
                table: "mandates_FocalPoints",
                columns: new[] { "CountryCode", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mandates_FocalPoints_InstitutionId",
                table: "mandates_FocalPoints",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_mandates_Institutions_CountryCode_Code",
                table: "mandates_Institutions",
                columns: new[] { "CountryCode", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mandates_Ratifications_CountryCode_Instrument",
                table: "mandates_Ratifications",
                columns: new[] { "CountryCode", "Instrument" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mandates_FocalPoints");

            migrationBuilder.DropTable(
                name: "mandates_NationalMechanisms");

            migrationBuilder.DropTable(
                name: "mandates_Ratifications");

            migrationBuilder.DropTable(
                name: "mandates_Institutions");

            migrationBuilder.DropTable(
                name: "mandates_Countries");
        }
    }
}
