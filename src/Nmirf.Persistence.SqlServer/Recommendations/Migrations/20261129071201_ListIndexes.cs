using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nmirf.Persistence.SqlServer.Recommendations.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recommendations_CountryCode_LeadInstitution",
                schema: "recommendations",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_CountryCode_UprCycle_Response",
                schema: "recommendations",
                table: "Recommendations");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_CountryCode_LeadInstitution",
                schema: "recommendations",
                table: "Recommendations",
                columns: new[] { "CountryCode", "LeadInstitution" },
                filter: "[LeadInstitution] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_CountryCode_UprCycle_Response_Body_Symbol_Paragraph",
                schema: "recommendations",
                table: "Recommendations",
                columns: new[] { "CountryCode", "UprCycle", "Response", "Body", "Symbol", "Paragraph" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recommendations_CountryCode_LeadInstitution",
                schema: "recommendations",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_CountryCode_UprCycle_Response_Body_Symbol_Paragraph",
                schema: "recommendations",
                table: "Recommendations");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_CountryCode_LeadInstitution",
                schema: "recommendations",
                table: "Recommendations",
                columns: new[] { "CountryCode", "LeadInstitution" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_CountryCode_UprCycle_Response",
                schema: "recommendations",
                table: "Recommendations",
                columns: new[] { "CountryCode", "UprCycle", "Response" });
        }
    }
}
