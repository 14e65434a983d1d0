package be.lungcare.fhir.research;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.AbstractServerIT;
import java.net.http.HttpResponse;
import java.util.Random;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The binary storage keeps the content of Binary resources (the export files) in its table and puts it back when
 * they are read; other resources keep their attachments' data in the resource.
 */
class BinaryStorageIT extends AbstractServerIT {

	private static final String EXTERNALIZED = "http://hapifhir.io/fhir/StructureDefinition/externalized-binary-id";

	@Autowired
	JdbcTemplate jdbc;

	private static byte[] content() {
		byte[] content = new byte[3_000];
		new Random(7).nextBytes(content);
		return content;
	}

	@Test
	void aBinarysContentIsStoredApartAndReadBack() {
		Binary binary = new Binary().setContentType("application/octet-stream");
		binary.setData(content());
		HttpResponse<String> created = postJson("/Binary", json(binary));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = parse(Binary.class, created.body()).getIdElement().getIdPart();

		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM HFJ_BINARY_STORAGE_BLOB WHERE RESOURCE_ID = ?", Long.class,
				"Binary/" + id)).as("kept in the binary storage table").isEqualTo(1);
		HttpResponse<String> read = get("/Binary/" + id);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(parse(Binary.class, read.body()).getData()).isEqualTo(content());
	}

	@Test
	void anotherResourcesAttachmentStaysInTheResource() {
		DocumentReference document = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
		document.addContent().setAttachment(new Attachment().setContentType("application/pdf").setData(content()));
		HttpResponse<String> created = postJson("/DocumentReference", json(document));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = parse(DocumentReference.class, created.body()).getIdElement().getIdPart();

		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM HFJ_BINARY_STORAGE_BLOB WHERE RESOURCE_ID = ?", Long.class,
				"DocumentReference/" + id)).as("nothing in the binary storage table").isZero();
		HttpResponse<String> read = get("/DocumentReference/" + id);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).doesNotContain(EXTERNALIZED);
		Attachment attachment = parse(DocumentReference.class, read.body()).getContentFirstRep().getAttachment();
		assertThat(attachment.getData()).isEqualTo(content());
	}

	@Test
	void aPageWithABinaryAndAResourceNamingContentItDoesNotHaveIsShown() {
		Binary binary = new Binary().setContentType("application/octet-stream");
		binary.setData(content());
		HttpResponse<String> stored = postJson("/Binary", json(binary));
		assertThat(stored.statusCode()).isEqualTo(201);
		String binaryId = parse(Binary.class, stored.body()).getIdElement().getIdPart();
		DocumentReference document = new DocumentReference().setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
		document.getContext().addRelated(new Reference("Binary/" + binaryId));
		Attachment attachment = new Attachment().setContentType("application/pdf");
		attachment.getDataElement().addExtension(EXTERNALIZED, new StringType("not-stored-here")); // a client's own
		document.addContent().setAttachment(attachment);
		HttpResponse<String> created = postJson("/DocumentReference", json(document));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String documentId = parse(DocumentReference.class, created.body()).getIdElement().getIdPart();

		// one page holding both: the document and, included, the Binary it names
		HttpResponse<String> page = get("/DocumentReference?_id=" + documentId + "&_include=DocumentReference:related");
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		Bundle result = parse(Bundle.class, page.body());
		assertThat(result.getEntry()).extracting(e -> e.getResource().fhirType()).containsExactlyInAnyOrder("DocumentReference", "Binary");
		Binary shown = result.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(Binary.class::isInstance).map(Binary.class::cast).findFirst().orElseThrow();
		assertThat(shown.getData()).as("the Binary's content put back").isEqualTo(content());
	}
}
