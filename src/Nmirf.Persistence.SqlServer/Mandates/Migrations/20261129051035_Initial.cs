using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nmirf.Persistence.SqlServer.Mandates.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "mandates");

            migrationBuilder.CreateTable(
                name: "Countries",
                schema: "mandates",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nchar(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    WorkingLanguages = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Countries", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Institutions",
                schema: "mandates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CountryCode = table.Column<string>(type: "nchar(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Code = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Acronym = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Role = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Institutions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Institutions_Countries_CountryCode",
                        column: x => x.CountryCode,
                        principalSchema: "mandates",
                        principalTable: "Countries",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NationalMechanisms",
                schema: "mandates",
                columns: table => new
                {
                    CountryCode = table.Column<string>(type: "nchar(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Acronym = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Type = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    LegalBasisKind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    LegalBasisReference = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    LegalBasisAdoptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LegalBasisUrl = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Capacities = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalMechanisms", x => x.CountryCode);
                    table.ForeignKey(
                        name: "FK_NationalMechanisms_Countries_CountryCode",
                        column: x => x.CountryCode,
                        principalSchema: "mandates",
                        principalTable: "Countries",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Ratifications",
                schema: "mandates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CountryCode = table.Column<string>(type: "nchar(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Instrument = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    DatePrecision = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    EntryIntoForce = table.Column<DateOnly>(type: "date", nullable: true),
                    ReservationsAndDeclarations = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    AcceptsIndividualComplaints = table.Column<bool>(type: "bit", nullable: true),
                    AcceptsInquiryProcedure = table.Column<bool>(type: "bit", nullable: true),
                    Source = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ratifications_Countries_CountryCode",
                        column: x => x.CountryCode,
                        principalSchema: "mandates",
                        principalTable: "Countries",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FocalPoints",
                schema: "mandates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CountryCode = table.Column<string>(type: "nchar(3)", fixedLength: true, maxLength: 3, nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Languages = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Role = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FocalPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FocalPoints_Countries_CountryCode",
                        column: x => x.CountryCode,
                        principalSchema: "mandates",
                        principalTable: "Countries",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FocalPoints_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalSchema: "mandates",
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FocalPoints_CountryCode_Email",
                schema: "mandates",
                table: "FocalPoints",
                columns: new[] { "CountryCode", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FocalPoints_InstitutionId",
                schema: "mandates",
                table: "FocalPoints",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_CountryCode_Code",
                schema: "mandates",
                table: "Institutions",
                columns: new[] { "CountryCode", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ratifications_CountryCode_Instrument",
                schema: "mandates",
                table: "Ratifications",
                columns: new[] { "CountryCode", "Instrument" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FocalPoints",
                schema: "mandates");

            migrationBuilder.DropTable(
                name: "NationalMechanisms",
                schema: "mandates");

            migrationBuilder.DropTable(
                name: "Ratifications",
                schema: "mandates");

            migrationBuilder.DropTable(
                name: "Institutions",
                schema: "mandates");

            migrationBuilder.DropTable(
                name: "Countries",
                schema: "mandates");
        }
    }
}
