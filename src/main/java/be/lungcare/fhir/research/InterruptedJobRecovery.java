package be.lungcare.fhir.research;

import ca.uhn.fhir.batch2.api.IJobPersistence;
import ca.uhn.fhir.batch2.model.JobInstance;
import ca.uhn.fhir.batch2.model.JobWorkNotification;
import ca.uhn.fhir.batch2.model.StatusEnum;
import ca.uhn.fhir.batch2.model.WorkChunk;
import ca.uhn.fhir.batch2.model.WorkChunkStatusEnum;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Hands back the batch work that a stopped process held. HAPI's work channel is in memory here, so after a crash the
 * messages for chunks that were sent but not yet taken ({@code QUEUED}), or failed and waiting for their retry
 * ({@code ERRORED}), are gone, and HAPI's maintenance only sends chunks that are {@code READY}: such a job would wait
 * for ever. Run once at start-up, when the beans are built and before HAPI's scheduler starts, so before this
 * process's maintenance or workers take any chunk (one server process per database, as the in-memory channel
 * requires anyway):
 * <ul>
 * <li>a chunk that was being processed ({@code IN_PROGRESS}) is marked failed, and its job fails with a message
 * saying so: the chunk may have written part of its output, and running it again could export a resource twice;
 * <li>a job in its final (reduction) step, which HAPI never starts again after a stop, fails the same way;
 * <li>otherwise a chunk that was sent or waiting for its retry is sent again, once the server is ready, and the job
 * goes on.
 * </ul>
 */
final class InterruptedJobRecovery implements SmartInitializingSingleton, ApplicationListener<ApplicationReadyEvent> {

	static final String INTERRUPTED = "The server stopped while this job was running, in the middle of a step that cannot "
			+ "be repeated safely; start the job again.";
	private static final Logger LOG = LoggerFactory.getLogger(InterruptedJobRecovery.class);
	private static final int PAGE = 100;

	private final IJobPersistence jobs;
	private final Consumer<JobWorkNotification> workChannel;
	private final List<JobWorkNotification> toResend = new ArrayList<>();

	InterruptedJobRecovery(IJobPersistence jobs, Consumer<JobWorkNotification> workChannel) {
		this.jobs = jobs;
		this.workChannel = workChannel;
	}

	/** Fails the chunks a stopped process was running and notes those to send again. Before any chunk is taken. */
	@Override
	public void afterSingletonsInstantiated() {
		try {
			recover();
		} catch (RuntimeException e) {
			LOG.warn("Could not check for batch jobs interrupted by a stop; such a job stays in progress: {}", e.toString());
		}
	}

	private void recover() {
		for (int page = 0; ; page++) {
			List<JobInstance> instances = jobs.fetchInstances(PAGE, page);
			for (JobInstance instance : instances) {
				if (!instance.getStatus().isEnded()) {
					recover(instance);
				}
			}
			if (instances.size() < PAGE) {
				break;
			}
		}
	}

	private void recover(JobInstance instance) {
		if (instance.getStatus() == StatusEnum.FINALIZE) {
			// the dead process was running the final (reduction) step, which HAPI never starts again for such a job
			jobs.updateInstance(instance.getInstanceId(), stopped -> {
				stopped.setStatus(StatusEnum.FAILED);
				stopped.setErrorMessage(INTERRUPTED);
				stopped.setEndTime(new Date());
				return true;
			});
			LOG.warn("Batch job {} ({}) was interrupted by a stop in its final step: failed", instance.getInstanceId(),
					instance.getJobDefinitionId());
			return;
		}
		List<String> running = new ArrayList<>();
		List<JobWorkNotification> waiting = new ArrayList<>();
		for (Iterator<WorkChunk> chunks = jobs.fetchAllWorkChunksIterator(instance.getInstanceId(), false); chunks.hasNext(); ) {
			WorkChunk chunk = chunks.next();
			if (chunk.getStatus() == WorkChunkStatusEnum.IN_PROGRESS) {
				running.add(chunk.getId());
			} else if (chunk.getStatus() == WorkChunkStatusEnum.QUEUED || chunk.getStatus() == WorkChunkStatusEnum.ERRORED) {
				waiting.add(new JobWorkNotification(chunk.getJobDefinitionId(), chunk.getJobDefinitionVersion(),
						chunk.getInstanceId(), chunk.getTargetStepId(), chunk.getId()));
			}
		}
		running.forEach(chunk -> jobs.onWorkChunkFailed(chunk, INTERRUPTED));
		if (running.isEmpty()) {
			toResend.addAll(waiting); // a job that fails does not need its other chunks run
		}
		if (!running.isEmpty() || !waiting.isEmpty()) {
			LOG.warn("Batch job {} ({}) was interrupted by a stop: {} chunk(s) in progress failed, {} waiting {}",
					instance.getInstanceId(), instance.getJobDefinitionId(), running.size(), waiting.size(),
					running.isEmpty() ? "sent again" : "left");
		}
	}

	/** Sends the noted chunks to the work channel, once the server is up and the channel has its consumers. */
	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		for (JobWorkNotification chunk : toResend) {
			try {
				workChannel.accept(chunk);
			} catch (RuntimeException e) {
				LOG.warn("Could not send again chunk {} of batch job {}; the job stays in progress: {}", chunk.getChunkId(),
						chunk.getInstanceId(), e.toString());
			}
		}
		toResend.clear();
	}
}
