package be.lungcare.fhir.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ca.uhn.fhir.batch2.api.IJobPersistence;
import ca.uhn.fhir.batch2.model.JobInstance;
import ca.uhn.fhir.batch2.model.JobWorkNotification;
import ca.uhn.fhir.batch2.model.StatusEnum;
import ca.uhn.fhir.batch2.model.WorkChunk;
import ca.uhn.fhir.batch2.model.WorkChunkStatusEnum;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class InterruptedJobRecoveryTest {

	private final IJobPersistence jobs = mock(IJobPersistence.class);
	private final List<JobWorkNotification> sent = new ArrayList<>();
	private final InterruptedJobRecovery recovery = new InterruptedJobRecovery(jobs, sent::add);

	@Test
	void aChunkThatWasRunningFailsItsJobAndItsWaitingChunksAreLeft() {
		oneJobInProgress(chunk("c-done", WorkChunkStatusEnum.COMPLETED),
				chunk("c-running", WorkChunkStatusEnum.IN_PROGRESS),
				chunk("c-queued", WorkChunkStatusEnum.QUEUED));

		recovery.afterSingletonsInstantiated();
		recovery.onApplicationEvent(null);

		verify(jobs).onWorkChunkFailed("c-running", InterruptedJobRecovery.INTERRUPTED);
		verify(jobs, never()).onWorkChunkFailed(eq("c-queued"), anyString());
		assertThat(sent).as("the job fails: its other chunks need not run").isEmpty();
	}

	@Test
	void waitingChunksAreSentAgainOnceTheServerIsReady() {
		oneJobInProgress(chunk("c-done", WorkChunkStatusEnum.COMPLETED),
				chunk("c-queued", WorkChunkStatusEnum.QUEUED),
				chunk("c-retry", WorkChunkStatusEnum.ERRORED),
				chunk("c-ready", WorkChunkStatusEnum.READY),
				chunk("c-gate", WorkChunkStatusEnum.GATE_WAITING));

		recovery.afterSingletonsInstantiated();
		assertThat(sent).as("nothing is sent before the server is ready").isEmpty();
		verify(jobs, never()).onWorkChunkFailed(anyString(), anyString());

		recovery.onApplicationEvent(null);
		assertThat(sent).extracting(JobWorkNotification::getChunkId).containsExactly("c-queued", "c-retry");
		assertThat(sent).allSatisfy(notification -> {
			assertThat(notification.getInstanceId()).isEqualTo("job-1");
			assertThat(notification.getJobDefinitionId()).isEqualTo("BULK_EXPORT");
			assertThat(notification.getTargetStepId()).isEqualTo("expand-resources");
		});

		recovery.onApplicationEvent(null);
		assertThat(sent).as("sent once").hasSize(2);
	}

	@Test
	void aChunkThatCannotBeSentDoesNotStopTheStartOrTheOthers() {
		InterruptedJobRecovery failingOnce = new InterruptedJobRecovery(jobs, notification -> {
			if (notification.getChunkId().equals("c-1")) {
				throw new IllegalStateException("channel closed");
			}
			sent.add(notification);
		});
		oneJobInProgress(chunk("c-1", WorkChunkStatusEnum.QUEUED), chunk("c-2", WorkChunkStatusEnum.QUEUED));

		failingOnce.afterSingletonsInstantiated();
		failingOnce.onApplicationEvent(null);

		assertThat(sent).extracting(JobWorkNotification::getChunkId).containsExactly("c-2");
	}

	@Test
	void aJobStoppedInItsFinalStepFails() {
		JobInstance finalizing = instance("job-3", StatusEnum.FINALIZE);
		when(jobs.fetchInstances(100, 0)).thenReturn(List.of(finalizing));

		recovery.afterSingletonsInstantiated();

		ArgumentCaptor<IJobPersistence.JobInstanceUpdateCallback> update = ArgumentCaptor.forClass(IJobPersistence.JobInstanceUpdateCallback.class);
		verify(jobs).updateInstance(eq("job-3"), update.capture());
		assertThat(update.getValue().doUpdate(finalizing)).isTrue();
		assertThat(finalizing.getStatus()).isEqualTo(StatusEnum.FAILED);
		assertThat(finalizing.getErrorMessage()).isEqualTo(InterruptedJobRecovery.INTERRUPTED);
		assertThat(finalizing.getEndTime()).isNotNull();
		verify(jobs, never()).fetchAllWorkChunksIterator(anyString(), anyBoolean());
	}

	@Test
	void endedJobsAreLeftAloneAndEveryPageOfJobsIsLookedAt() {
		List<JobInstance> firstPage = IntStream.range(0, 100).mapToObj(i -> instance("ended-" + i,
				List.of(StatusEnum.COMPLETED, StatusEnum.FAILED, StatusEnum.CANCELLED).get(i % 3))).toList();
		when(jobs.fetchInstances(100, 0)).thenReturn(firstPage);
		when(jobs.fetchInstances(100, 1)).thenReturn(List.of(instance("job-2", StatusEnum.QUEUED)));
		when(jobs.fetchAllWorkChunksIterator("job-2", false))
				.thenReturn(List.of(chunk("job-2", "c-first", WorkChunkStatusEnum.IN_PROGRESS)).iterator());

		recovery.afterSingletonsInstantiated();

		verify(jobs).onWorkChunkFailed("c-first", InterruptedJobRecovery.INTERRUPTED);
		verify(jobs).fetchAllWorkChunksIterator("job-2", false);
		verify(jobs, never()).fetchAllWorkChunksIterator(argThat(id -> id.startsWith("ended-")), anyBoolean());
		verify(jobs, never()).updateInstance(anyString(), any());
	}

	@Test
	void aDatabaseErrorDoesNotStopTheStart() {
		when(jobs.fetchInstances(100, 0)).thenThrow(new IllegalStateException("no connection"));

		recovery.afterSingletonsInstantiated();
		recovery.onApplicationEvent(null);

		assertThat(sent).isEmpty();
	}

	/** Job {@code job-1}, in progress, with these chunks: the only job in the database. */
	private void oneJobInProgress(WorkChunk... chunks) {
		when(jobs.fetchInstances(100, 0)).thenReturn(List.of(instance("job-1", StatusEnum.IN_PROGRESS)));
		when(jobs.fetchAllWorkChunksIterator("job-1", false)).thenReturn(List.of(chunks).iterator());
	}

	private static WorkChunk chunk(String id, WorkChunkStatusEnum status) {
		return chunk("job-1", id, status);
	}

	private static JobInstance instance(String id, StatusEnum status) {
		JobInstance instance = new JobInstance();
		instance.setInstanceId(id);
		instance.setJobDefinitionId("BULK_EXPORT");
		instance.setStatus(status);
		return instance;
	}

	private static WorkChunk chunk(String instance, String id, WorkChunkStatusEnum status) {
		WorkChunk chunk = new WorkChunk().setId(id).setStatus(status).setInstanceId(instance)
				.setTargetStepId("expand-resources").setJobDefinitionVersion(1);
		chunk.setJobDefinitionId("BULK_EXPORT");
		return chunk;
	}
}
