using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nmirf.Persistence.Sqlite.Recommendations.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_recommendations_Recommendations_CountryCode_LeadInstitution",
                table: "recommendations_Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_recommendations_Recommendations_CountryCode_UprCycle_Response",
                table: "recommendations_Recommendations");

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_Recommendations_CountryCode_LeadInstitution",
                table: "recommendations_Recommendations",
                columns: new[] { "CountryCode", "LeadInstitution" },
                filter: "[LeadInstitution] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_Recommendations_CountryCode_UprCycle_Response_Body_Symbol_Paragraph",
                table: "recommendations_Recommendations",
                columns: new[] { "CountryCode", "UprCycle", "Response", "Body", "Symbol", "Paragraph" });

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_Recommendations_Id_CountryCode_Body_Symbol_Paragraph",
                table: "recommendations_Recommendations",
                columns: new[] { "Id", "CountryCode", "Body", "Symbol", "Paragraph" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_recommendations_Recommendations_CountryCode_LeadInstitution",
                table: "recommendations_Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_recommendations_Recommendations_CountryCode_UprCycle_Response_Body_Symbol_Paragraph",
                table: "recommendations_Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_recommendations_Recommendations_Id_CountryCode_Body_Symbol_Paragraph",
                table: "recommendations_Recommendations");

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_Recommendations_CountryCode_LeadInstitution",
                table: "recommendations_Recommendations",
                columns: new[] { "CountryCode", "LeadInstitution" });

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_Recommendations_CountryCode_UprCycle_Response",
                table: "recommendations_Recommendations",
                columns: new[] { "CountryCode", "UprCycle", "Response" });
        }
    }
}
