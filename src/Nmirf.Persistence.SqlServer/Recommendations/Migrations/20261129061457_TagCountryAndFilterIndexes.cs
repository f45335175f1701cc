using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nmirf.Persistence.SqlServer.Recommendations.Migrations
{
    /// <inheritdoc />
    public partial class TagCountryAndFilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recommendations_CountryCode_UprCycle",
                schema: "recommendations",
                table: "Recommendations");

            migrationBuilder.AddColumn<string>(
                name: "CountryCode",
                schema: "recommendations",
                table: "Tags",
                type: "nchar(3)",
                fixedLength: true,
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Tags_CountryCode_Kind_Value",
                schema: "recommendations",
                table: "Tags",
                columns: new[] { "CountryCode", "Kind", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_CountryCode_UprCycle_Response",
                schema: "recommendations",
                table: "Recommendations",
                columns: new[] { "CountryCode", "UprCycle", "Response" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tags_CountryCode_Kind_Value",
                schema: "recommendations",
                table: "Tags");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_CountryCode_UprCycle_Response",
                schema: "recommendations",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "CountryCode",
                schema: "recommendations",
                table: "Tags");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_CountryCode_UprCycle",
                schema: "recommendations",
                table: "Recommendations",
                columns: new[] { "CountryCode", "UprCycle" });
        }
    }
}
