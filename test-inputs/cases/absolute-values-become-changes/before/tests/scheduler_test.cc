#include "telemetry/pipeline_metrics.hh"
#include "work/scheduler.hh"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <prometheus/metric_family.h>
#include <prometheus/text_serializer.h>

#include <cstdint>
#include <memory>
#include <string>

namespace {

// What the registry holds for one series: a counter's or a gauge's value,
// a histogram's sample count.
double
sample(prometheus::Registry& registry,
       const std::string& name,
       const prometheus::Labels& labels = {})
{
  for (const prometheus::MetricFamily& family : registry.Collect()) {
    if (family.name != name)
      continue;
    for (const prometheus::ClientMetric& metric : family.metric) {
      bool same = metric.label.size() == labels.size();
      for (const prometheus::ClientMetric::Label& label : metric.label)
        same = same && labels.count(label.name) && labels.at(label.name) == label.value;
      if (!same)
        continue;
      if (family.type == prometheus::MetricType::Histogram)
        return static_cast<double>(metric.histogram.sample_count);
      return family.type == prometheus::MetricType::Gauge ? metric.gauge.value
                                                          : metric.counter.value;
    }
  }
  return 0;
}

TEST(scheduler, counts_each_job_by_queue)
{
  auto registry = std::make_shared<prometheus::Registry>();
  telemetry::pipeline_metrics metrics(registry);
  work::scheduler jobs(metrics);
  jobs.enqueue("fast");
  jobs.enqueue("fast");
  jobs.enqueue("slow");
  jobs.run_all();

  EXPECT_EQ(sample(*registry, "pipeline_jobs_done_total", { { "queue", "fast" } }), 2.0);
  EXPECT_EQ(sample(*registry, "pipeline_jobs_done_total", { { "queue", "slow" } }), 1.0);
  EXPECT_EQ(sample(*registry, "pipeline_job_seconds"), 3.0);
  // Set, not added to: what the scheduler set last.
  EXPECT_EQ(sample(*registry, "pipeline_backlog_jobs"), 0.0);

  const std::string text = prometheus::TextSerializer().Serialize(registry->Collect());
  EXPECT_THAT(text, ::testing::HasSubstr("pipeline_jobs_done_total{queue=\"slow\"} 1"));
  EXPECT_THAT(text, ::testing::HasSubstr("pipeline_backlog_jobs 0"));
}

class scheduler_fixture : public ::testing::Test
{
protected:
  double done(const std::string& queue)
  {
    return sample(*m_registry, "pipeline_jobs_done_total", { { "queue", queue } });
  }

  std::shared_ptr<prometheus::Registry> m_registry =
    std::make_shared<prometheus::Registry>();
  telemetry::pipeline_metrics m_metrics{ m_registry };
  work::scheduler m_jobs{ m_metrics };
};

TEST_F(scheduler_fixture, runs_what_was_queued)
{
  m_jobs.enqueue("fast");
  m_jobs.run_all();
  EXPECT_EQ(done("fast"), 1.0);
  EXPECT_GE(done("fast"), 1.0);
  EXPECT_EQ(m_metrics.busy_workers(), 0.0);
  EXPECT_NE(prometheus::TextSerializer()
              .Serialize(m_registry->Collect())
              .find("pipeline_jobs_done_total{queue=\"fast\"} 1"),
            std::string::npos);
}

TEST_F(scheduler_fixture, a_new_scheduler_has_no_backlog)
{
  EXPECT_EQ(sample(*m_registry, "pipeline_backlog_jobs"), 0.0);
}

TEST_F(scheduler_fixture, queued_jobs_are_backlog)
{
  m_jobs.enqueue("slow");
  EXPECT_EQ(sample(*m_registry, "pipeline_backlog_jobs"), 1.0);
}

TEST_F(scheduler_fixture, nothing_queued_nothing_done)
{
  m_jobs.run_all();
  EXPECT_EQ(done("fast"), 0.0);
  EXPECT_EQ(m_metrics.busy_workers(), 0.0);
}

} // namespace
