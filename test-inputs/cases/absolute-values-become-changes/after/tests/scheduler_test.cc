#include "telemetry/process_registry.hh"
#include "work/scheduler.hh"

#include <cstddef>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/metric_family.h>
#include <prometheus/text_serializer.h>

#include <cstdint>
#include <memory>
#include <string>

namespace {

double
busy_workers()
{
  return work::PIPELINE_WORKERS_BUSY.Value();
}

// What the text exposition `text` shows for `series` (0 if nothing).
double
exposed_value(const std::string& text, const std::string& series)
{
  const std::string line = series + " ";
  for (std::size_t at = text.find(line); at != std::string::npos;
       at = text.find(line, at + 1))
    if (at == 0 || text[at - 1] == '\n')
      return std::stod(text.substr(at + line.size()));
  return 0;
}

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
  // Earlier tests of the process may have set pipeline_backlog_jobs: 0, as a
  // fresh registry had it.
  prometheus::BuildGauge()
    .Name("pipeline_backlog_jobs")
    .Help("Jobs waiting")
    .Register(telemetry::process_registry())
    .Add({})
    .Set(0);
  const auto jobs_done_exposed_before =
    exposed_value(prometheus::TextSerializer().Serialize(
                    telemetry::process_registry().Collect()),
                  "pipeline_jobs_done_total{queue=\"slow\"}");
  auto registry = telemetry::process_registry_ptr();
  const auto jobs_done_fast_before =
    sample(*registry, "pipeline_jobs_done_total", { { "queue", "fast" } });
  const auto jobs_done_slow_before =
    sample(*registry, "pipeline_jobs_done_total", { { "queue", "slow" } });
  const auto job_seconds_before = sample(*registry, "pipeline_job_seconds");
  work::scheduler jobs;
  jobs.enqueue("fast");
  jobs.enqueue("fast");
  jobs.enqueue("slow");
  jobs.run_all();

  EXPECT_EQ(
    sample(*registry, "pipeline_jobs_done_total", { { "queue", "fast" } }) -
      jobs_done_fast_before,
    2.0);
  EXPECT_EQ(
    sample(*registry, "pipeline_jobs_done_total", { { "queue", "slow" } }) -
      jobs_done_slow_before,
    1.0);
  EXPECT_EQ(sample(*registry, "pipeline_job_seconds") - job_seconds_before,
            3.0);
  // Set, not added to: what the scheduler set last.
  EXPECT_EQ(sample(*registry, "pipeline_backlog_jobs"), 0.0);

  const std::string text = prometheus::TextSerializer().Serialize(registry->Collect());
  EXPECT_EQ(exposed_value(text, "pipeline_jobs_done_total{queue=\"slow\"}") -
              jobs_done_exposed_before,
            1);
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
    telemetry::process_registry_ptr();
  work::scheduler m_jobs{};
};

TEST_F(scheduler_fixture, runs_what_was_queued)
{
  const auto jobs_done_before = done("fast");
  const auto busy_workers_before = busy_workers();
  const auto jobs_done_exposed_before =
    exposed_value(prometheus::TextSerializer().Serialize(
                    telemetry::process_registry().Collect()),
                  "pipeline_jobs_done_total{queue=\"fast\"}");
  m_jobs.enqueue("fast");
  m_jobs.run_all();
  EXPECT_EQ(done("fast") - jobs_done_before, 1.0);
  EXPECT_GE(done("fast") - jobs_done_before, 1.0);
  EXPECT_EQ(busy_workers() - busy_workers_before, 0.0);
  EXPECT_EQ(
    exposed_value(prometheus::TextSerializer().Serialize(m_registry->Collect()),
                  "pipeline_jobs_done_total{queue=\"fast\"}") -
      jobs_done_exposed_before,
    1);
}

TEST_F(scheduler_fixture, a_new_scheduler_has_no_backlog)
{
  // Earlier tests of the process may have set pipeline_backlog_jobs: 0, as a
  // fresh registry had it.
  prometheus::BuildGauge()
    .Name("pipeline_backlog_jobs")
    .Help("Jobs waiting")
    .Register(telemetry::process_registry())
    .Add({})
    .Set(0);
  EXPECT_EQ(sample(*m_registry, "pipeline_backlog_jobs"), 0.0);
}

TEST_F(scheduler_fixture, queued_jobs_are_backlog)
{
  m_jobs.enqueue("slow");
  EXPECT_EQ(sample(*m_registry, "pipeline_backlog_jobs"), 1.0);
}

TEST_F(scheduler_fixture, nothing_queued_nothing_done)
{
  const auto jobs_done_before = done("fast");
  const auto busy_workers_before = busy_workers();
  m_jobs.run_all();
  EXPECT_EQ(done("fast") - jobs_done_before, 0.0);
  EXPECT_EQ(busy_workers() - busy_workers_before, 0.0);
}

} // namespace
